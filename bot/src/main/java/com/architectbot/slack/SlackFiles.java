package com.architectbot.slack;

import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.FileSource;
import com.architectbot.core.FileText;
import com.architectbot.core.InquiryFile;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.RetryableFailure;
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
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Manifests shared as files (in a DM, or with a mention) become licence checks. The request thread only
 * records the file ids ({@link #manifests}); a worker fetches each file ({@link #fetch}): {@code files.info}
 * with the workspace's token, then the private download. The token goes only to Slack's own hosts, over
 * https (plain http only to the configured {@code SLACK_API_URL} host when that URL is http: a fake in tests),
 * and never along a redirect.
 */
final class SlackFiles implements FileSource {

    static final int MAX_FILES = 5;
    static final int MAX_FILE_BYTES = 512 * 1024;
    /** How a Slack file is recorded in an {@link InquiryFile}: its id, resolved on the worker. */
    static final String SCHEME = "slack-file";
    /** Manifests, lockfiles and SBOMs the licence check reads; other files are not licence checks. */
    static final Pattern MANIFEST = Pattern.compile("(?i)(pom\\.xml|package(-lock)?\\.json|yarn\\.lock|pnpm-lock\\.yaml"
            + "|requirements.*\\.txt|pipfile\\.lock|poetry\\.lock|pyproject\\.toml|go\\.(mod|sum)|cargo\\.(toml|lock)"
            + "|build\\.gradle(\\.kts)?|gradle\\.lockfile|gemfile\\.lock|composer\\.(json|lock)|.*\\.spdx(\\.json)?"
            + "|.*\\.cdx\\.json|bom\\.(json|xml)|sbom.*\\.json)");

    private static final Pattern FILE_ID = Pattern.compile("F[A-Z0-9]+");

    private final Slack slack;
    private final BotTokens tokens;
    private final SlackWebApi api;
    private final HttpClient http;
    private final Duration timeout;
    private final String apiHost;
    private final boolean apiIsPlainHttp;

    SlackFiles(Slack slack, BotTokens tokens, SlackWebApi api, Duration timeout, URI apiUrl) {
        this.slack = slack;
        this.tokens = tokens;
        this.api = api;
        this.timeout = timeout;
        this.apiHost = apiUrl.getHost();
        this.apiIsPlainHttp = "http".equalsIgnoreCase(apiUrl.getScheme());
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The shared manifests (at most {@value #MAX_FILES}), as the inquiry records them; other files are left out. */
    static List<InquiryFile> manifests(List<File> files) {
        return Objects.requireNonNullElse(files, List.<File>of()).stream()
                .filter(f -> f.getId() != null && FILE_ID.matcher(f.getId()).matches())
                .filter(f ->
                        f.getName() != null && MANIFEST.matcher(f.getName()).matches())
                .limit(MAX_FILES)
                .map(f -> new InquiryFile(f.getName(), URI.create(SCHEME + ":" + f.getId())))
                .toList();
    }

    @Override
    public FileText fetch(InquiryFile file, ThreadKey thread) {
        if (!SCHEME.equals(file.location().getScheme())) {
            throw new IllegalArgumentException("not a Slack file: " + file);
        }
        String token = tokens.forTeam(thread.tenant());
        File info = api.call(
                        "files.info",
                        () -> slack.methods(token)
                                .filesInfo(r -> r.file(file.location().getSchemeSpecificPart())))
                .getFile();
        String name = Objects.requireNonNullElse(info.getName(), file.name());
        if (info.getSize() != null && info.getSize() > MAX_FILE_BYTES) {
            throw tooLarge(name);
        }
        URI url = URI.create(Optional.ofNullable(info.getUrlPrivateDownload()).orElse(info.getUrlPrivate()));
        if (!isSlackHost(url.getHost()) || !isSecure(url)) {
            throw new PermanentFailure(
                    "I can only read files stored in Slack, over a secure (https) link.",
                    "refused to send the bot token to " + url.getScheme() + "://" + url.getHost(),
                    null);
        }
        byte[] body = download(url, token);
        if (body.length > MAX_FILE_BYTES) {
            throw tooLarge(name);
        }
        return FileSource.textManifest(new InquiryFile(name, file.location()), body);
    }

    /** Reads at most one byte past the limit: a file that grew after {@code files.info} is still refused, not buffered. */
    private byte[] download(URI url, String token) {
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
                return body.readNBytes(MAX_FILE_BYTES + 1);
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

    /** The bot token goes only to Slack's own file hosts (or the configured API host, for GovSlack and tests). */
    private boolean isSlackHost(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.equals(apiHost)
                || h.equals("files.slack.com")
                || h.endsWith(".slack.com")
                || h.endsWith(".slack-gov.com");
    }

    private boolean isSecure(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https")
                || (scheme.equals("http") && apiIsPlainHttp && apiHost.equalsIgnoreCase(url.getHost()));
    }

    private static PermanentFailure tooLarge(String name) {
        return new PermanentFailure(
                "%s is larger than %d KB. Send just the manifest (pom.xml, package.json, a lockfile), "
                                .formatted(name, MAX_FILE_BYTES / 1024)
                        + "or run `architect-bot license-check` from the command line.");
    }
}
