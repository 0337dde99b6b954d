package com.architectbot.slack;

import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.FileReading;
import com.architectbot.core.FileSource;
import com.architectbot.core.FileText;
import com.architectbot.core.InquiryFile;
import com.architectbot.core.InquiryRules;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.Picture;
import com.architectbot.core.RetryableFailure;
import com.architectbot.server.AllowedHosts;
import com.slack.api.Slack;
import com.slack.api.model.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files shared in a DM, or with a mention: manifests for a licence check, pictures for a consultation. The request
 * thread only
 * records the file ids ({@link #recorded}); a worker fetches each file ({@link #fetch}): {@code files.info}
 * with the workspace's token, then the private download. The token goes only to Slack's own hosts, over
 * https (plain http only to the configured {@code SLACK_API_URL} host when that URL is http: a fake in tests),
 * and never along a redirect.
 */
final class SlackFiles implements FileSource {

    /** How a Slack file is recorded in an {@link InquiryFile}: its id, resolved on the worker. */
    static final String SCHEME = "slack-file";

    private static final Pattern FILE_ID = Pattern.compile("F[A-Z0-9]+");

    private final Slack slack;
    private final BotTokens tokens;
    private final SlackWebApi api;
    private final HttpClient http;
    private final Duration timeout;
    private final AllowedHosts hosts;

    SlackFiles(Slack slack, BotTokens tokens, SlackWebApi api, Duration timeout, AllowedHosts hosts) {
        this.slack = slack;
        this.tokens = tokens;
        this.api = api;
        this.timeout = timeout;
        this.hosts = hosts;
        this.http = AllowedHosts.client(timeout);
    }

    /** The shared files as the inquiry records them (which are manifests is the core's decision). */
    static List<InquiryFile> recorded(List<File> files) {
        return Objects.requireNonNullElse(files, List.<File>of()).stream()
                .filter(f -> f.getId() != null && FILE_ID.matcher(f.getId()).matches())
                .map(f -> new InquiryFile(f.getName(), URI.create(SCHEME + ":" + f.getId()), f.getMimetype()))
                .toList();
    }

    @Override
    public FileText fetch(InquiryFile file, ThreadKey thread) {
        return read(file, thread, FileReading.manifests(InquiryRules.MAX_FILE_BYTES));
    }

    @Override
    public Picture picture(InquiryFile file, ThreadKey thread) {
        return read(file, thread, FileReading.pictures(InquiryRules.MAX_PICTURE_BYTES));
    }

    private <T> T read(InquiryFile file, ThreadKey thread, FileReading<T> reading) {
        if (!SCHEME.equals(file.location().getScheme())) {
            throw new IllegalArgumentException("not a Slack file: " + file);
        }
        String token = tokens.forTeam(thread.tenant());
        File info = api.call(
                        "files.info",
                        () -> slack.methods(token)
                                .filesInfo(r -> r.file(file.location().getSchemeSpecificPart())))
                .getFile();
        var named = new InquiryFile(Objects.requireNonNullElse(info.getName(), file.name()), file.location());
        if (info.getSize() != null && info.getSize() > reading.maxBytes()) {
            throw reading.tooLarge(named);
        }
        URI url = URI.create(Optional.ofNullable(info.getUrlPrivateDownload()).orElse(info.getUrlPrivate()));
        hosts.refusalByName(url).ifPresent(reason -> {
            throw new PermanentFailure(
                    "I can only read files stored in Slack, over a secure (https) link.",
                    "refused to send the bot token to " + url.getScheme() + "://" + url.getHost() + ": " + reason,
                    null);
        });
        return download(url, token, named, reading);
    }

    /** Reads at most one byte past the limit: a file that grew after {@code files.info} is still refused, not buffered. */
    private <T> T download(URI url, String token, InquiryFile file, FileReading<T> reading) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100
                        == 3) { // Slack redirects to its sign-in page when the token may not read the file
                    throw new PermanentFailure(
                            "I'm not allowed to open that file. Share it in a conversation I'm in, "
                                    + "or message it to me directly.",
                            "download from " + url.getHost() + " redirected: " + response.statusCode(),
                            null);
                }
                if (response.statusCode() == 404 || response.statusCode() == 403) {
                    throw new PermanentFailure(
                            "I could not open that file any more: it may have been deleted. " + "Please send it again.",
                            "download from " + url.getHost() + " answered " + response.statusCode(),
                            null);
                }
                if (response.statusCode() != 200) {
                    throw new RetryableFailure(
                            "downloading a shared file from " + url.getHost() + " answered " + response.statusCode());
                }
                return reading.read(body, file);
            }
        } catch (IOException e) {
            throw new RetryableFailure(
                    "downloading a shared file from " + url.getHost() + " failed within " + timeout.toSeconds() + " s",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted while downloading a shared file", e);
        }
    }
}
