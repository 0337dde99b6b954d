package com.architectbot.slack;

import com.architectbot.consultation.Attachment;
import com.architectbot.consultation.Inquiry;
import com.architectbot.consultation.PermanentFailure;
import com.architectbot.consultation.ReplyTarget;
import com.architectbot.consultation.RetryableFailure;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Manifests shared as files (in a DM, or with a mention) become licence checks. The download runs after
 * the ack, so a slow file host never delays it; if it fails, the user is told in the thread.
 */
final class SlackFiles {

    static final int MAX_FILES = 5;
    static final int MAX_FILE_BYTES = 512 * 1024;
    /** Manifests, lockfiles and SBOMs the licence check reads; other files are not licence checks. */
    static final Pattern MANIFEST = Pattern.compile("(?i)(pom\\.xml|package(-lock)?\\.json|yarn\\.lock|pnpm-lock\\.yaml"
            + "|requirements.*\\.txt|pipfile\\.lock|poetry\\.lock|pyproject\\.toml|go\\.(mod|sum)|cargo\\.(toml|lock)"
            + "|build\\.gradle(\\.kts)?|gradle\\.lockfile|gemfile\\.lock|composer\\.(json|lock)|.*\\.spdx(\\.json)?"
            + "|.*\\.cdx\\.json|bom\\.(json|xml)|sbom.*\\.json)");

    private final SlackIntake intake;
    private final SlackWebApi api;
    private final HttpClient http;
    private final Duration timeout;
    private final String apiHost;

    SlackFiles(SlackIntake intake, SlackWebApi api, Duration timeout, URI apiUrl) {
        this.intake = intake;
        this.api = api;
        this.timeout = timeout;
        this.apiHost = apiUrl.getHost();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    static boolean anyManifest(List<File> files) {
        return files != null && files.stream().map(File::getName).filter(Objects::nonNull)
                .anyMatch(name -> MANIFEST.matcher(name).matches());
    }

    /** Downloads the files after the ack, then queues the inquiry with them attached. */
    void checkLater(MethodsClient client, String token, Inquiry inquiry, List<File> files, ReplyTarget target) {
        intake.later("reading shared files", () -> {
            try {
                List<Attachment> attachments = files.stream().limit(MAX_FILES).map(f -> download(client, token, f)).toList();
                intake.submit(new Inquiry(inquiry.id(), inquiry.kind(), inquiry.thread(), inquiry.user(), inquiry.text(),
                        List.of(), attachments), target);
            } catch (PermanentFailure e) {
                tell(client, target, e.userMessage());
            } catch (RuntimeException e) {
                tell(client, target, "I couldn't read the file you sent. Please send it again in a minute.");
                throw e;
            }
        });
    }

    private Attachment download(MethodsClient client, String token, File shared) {
        File file = api.call("files.info", () -> client.filesInfo(r -> r.file(shared.getId()))).getFile();
        if (file.getSize() != null && file.getSize() > MAX_FILE_BYTES) {
            throw tooLarge(file.getName());
        }
        URI url = URI.create(Objects.requireNonNullElse(file.getUrlPrivateDownload(), file.getUrlPrivate()));
        if (!isSlackHost(url.getHost())) {
            throw new PermanentFailure("I can only read files stored in Slack.", "refused to send the bot token to " + url.getHost(), null);
        }
        byte[] body = fetch(url, token);
        if (body.length > MAX_FILE_BYTES) {
            throw tooLarge(file.getName());
        }
        String content = new String(body, StandardCharsets.UTF_8);
        if (content.indexOf('\0') >= 0) {
            throw new PermanentFailure(file.getName() + " is not a text file. Send a manifest such as pom.xml, "
                    + "package.json or a lockfile.");
        }
        return new Attachment(file.getName(), content);
    }

    private byte[] fetch(URI url, String token) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new RetryableFailure("downloading a shared file from " + url.getHost() + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new RetryableFailure("downloading a shared file from " + url.getHost() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted while downloading a shared file", e);
        }
    }

    /** The bot token goes only to Slack's own file hosts (or the configured API host, for GovSlack and tests). */
    private boolean isSlackHost(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.equals(apiHost) || h.equals("files.slack.com") || h.endsWith(".slack.com") || h.endsWith(".slack-gov.com");
    }

    private static PermanentFailure tooLarge(String name) {
        return new PermanentFailure("%s is larger than %d KB. Send just the manifest (pom.xml, package.json, a lockfile), "
                .formatted(name, MAX_FILE_BYTES / 1024) + "or run `architect-bot license-check` from the command line.");
    }

    private void tell(MethodsClient client, ReplyTarget target, String text) {
        api.call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(target.get(SlackTargets.CHANNEL))
                .threadTs(target.get(SlackTargets.THREAD_TS)).text(text)));
    }
}
