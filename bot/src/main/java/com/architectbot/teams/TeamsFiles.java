package com.architectbot.teams;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a file a user sent, on a worker (never on the request thread): a manifest or picture sent as a file
 * (Teams hands the bot a short-lived, pre-authorised download URL on OneDrive or SharePoint, so no token is
 * needed), or an image pasted into the message (served by the Bot Connector, which wants the bot's token). The URL
 * arrives in the activity, so it is checked before every request: https, on a host in {@code TEAMS_FILE_HOSTS}
 * (no token) or {@code TEAMS_CONNECTOR_HOSTS} (the connector token, and only there), resolving to public addresses
 * only. Redirects are followed by hand (at most {@value #MAX_REDIRECTS}), each hop checked the same way, and at
 * most the reading's cap is read.
 */
public final class TeamsFiles implements FileSource {

    static final int MAX_REDIRECTS = 3;
    static final String REFUSED = "I only open files that Teams keeps in OneDrive or SharePoint, and that link "
            + "points elsewhere, so I did not open it. Attach the manifest to a personal chat with me again, or paste "
            + "its dependencies after license-check.";
    static final String PICTURE_REFUSED = "I only open pictures that Teams itself keeps, and that link points "
            + "elsewhere, so I did not open it. Paste the picture into the message again.";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final HttpClient http = AllowedHosts.client(TIMEOUT);
    private final AllowedHosts hosts;
    /** Where the Bot Connector keeps pictures pasted into a message: the only path its token is sent to. */
    static final String ATTACHMENTS = "/v3/attachments/";

    private final ConnectorFiles connector;
    private final int maxBytes;

    /** The Bot Connector's hosts, and the bot's token for them (empty without authentication: the Emulator). */
    record ConnectorFiles(AllowedHosts hosts, TokenSource token) {
        static final ConnectorFiles NONE =
                new ConnectorFiles(new AllowedHosts("TEAMS_CONNECTOR_HOSTS", List.of()), () -> "");

        /** The connector as the settings describe it, with the bot's own credentials when authentication is on. */
        static ConnectorFiles of(TeamsSettings settings) {
            if (!settings.authenticationEnabled()) {
                return new ConnectorFiles(settings.connectorHosts(), () -> "");
            }
            var credentials = ConnectorCredentials.of(settings, settings.appId().orElse(""), null);
            return new ConnectorFiles(settings.connectorHosts(), () -> token(credentials));
        }

        private static String token(ConnectorCredentials credentials) {
            try {
                return credentials.getToken().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetryableFailure("interrupted while getting the connector token for a pasted image", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new RetryableFailure("getting the connector token for a pasted image failed", e);
            }
        }
    }

    /** The connector token, fetched (or taken from its cache) just before a download that needs it. */
    @FunctionalInterface
    interface TokenSource {
        String token();
    }

    public TeamsFiles(AllowedHosts hosts) {
        this(hosts, ConnectorFiles.NONE, InquiryRules.MAX_FILE_BYTES);
    }

    TeamsFiles(AllowedHosts hosts, ConnectorFiles connector) {
        this(hosts, connector, InquiryRules.MAX_FILE_BYTES);
    }

    TeamsFiles(AllowedHosts hosts, int maxBytes) {
        this(hosts, ConnectorFiles.NONE, maxBytes);
    }

    private TeamsFiles(AllowedHosts hosts, ConnectorFiles connector, int maxBytes) {
        this.hosts = hosts;
        this.connector = connector;
        this.maxBytes = maxBytes;
    }

    /**
     * The file's content as a manifest to check.
     *
     * @throws PermanentFailure when the link is refused, or the file is too large, gone, or not text
     * @throws RetryableFailure when the download failed on the way
     */
    @Override
    public FileText fetch(InquiryFile file, ThreadKey thread) {
        return read(file, FileReading.manifests(maxBytes), REFUSED, false);
    }

    /**
     * The file as a picture: sent as a file, or pasted into the message.
     *
     * @throws PermanentFailure when the link is refused, or the file is too large, gone, or not a picture
     * @throws RetryableFailure when the download failed on the way
     */
    @Override
    public Picture picture(InquiryFile file, ThreadKey thread) {
        return read(file, FileReading.pictures(InquiryRules.MAX_PICTURE_BYTES), PICTURE_REFUSED, true);
    }

    private <T> T read(InquiryFile file, FileReading<T> reading, String refused, boolean picture) {
        URI url = file.location();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Optional<String> token = access(url, file, refused, picture && hop == 0);
            Hop<T> result = get(url, token, file, reading);
            if (result.content() != null) {
                return result.content();
            }
            url = result.redirect();
        }
        throw new PermanentFailure(
                refused, "download of " + file + " redirected more than " + MAX_REDIRECTS + " times", null);
    }

    /**
     * Whether this URL may be fetched, and with which token: the connector's only for a pasted picture's own link
     * (never a manifest, never a redirect) to a connector host's attachments, none on a file host, and a refusal
     * anywhere else, a connector host included.
     */
    private Optional<String> access(URI url, InquiryFile file, String refused, boolean mayCarryToken) {
        if (mayCarryToken && isAttachment(url) && connector.hosts().refusal(url).isEmpty()) {
            return Optional.of(connector.token().token());
        }
        Optional<String> refusal = hosts.refusal(url);
        if (refusal.isPresent()) {
            throw new PermanentFailure(refused, "refused to download " + file + ": " + refusal.get(), null);
        }
        return Optional.empty();
    }

    /** A Bot Connector attachment's path, as written: no dot segments or encoded dots and slashes to leave it by. */
    private static boolean isAttachment(URI url) {
        String path = Objects.requireNonNullElse(url.getRawPath(), "");
        String lower = path.toLowerCase(Locale.ROOT);
        return path.startsWith(ATTACHMENTS)
                && !path.contains("..")
                && !path.contains("//")
                && !lower.contains("%2e")
                && !lower.contains("%2f")
                && !lower.contains("%5c")
                && !path.contains("\\");
    }

    /** One response: the content, or where it redirects to (to be checked before it is followed). */
    private record Hop<T>(T content, URI redirect) {}

    private <T> Hop<T> get(URI url, Optional<String> token, InquiryFile file, FileReading<T> reading) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url).timeout(TIMEOUT).GET();
        token.filter(value -> !value.isEmpty()).ifPresent(value -> request.header("Authorization", "Bearer " + value));
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                Optional<String> location = response.headers().firstValue("Location");
                if (status / 100 == 3 && location.isPresent()) {
                    return new Hop<>(null, redirectTarget(url, location.get(), file));
                }
                if (status >= 500 || status == 429) {
                    throw new RetryableFailure("download of " + file + " answered HTTP " + status);
                }
                if (status != 200) {
                    throw new PermanentFailure(
                            "I could not open " + FileSource.displayName(file)
                                    + ": the link has expired. Please send it again.",
                            "download of " + file + " answered HTTP " + status,
                            null);
                }
                return new Hop<>(reading.read(body, file), null);
            }
        } catch (IOException e) {
            throw new RetryableFailure(
                    "download of " + file + " failed after at most " + TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted while downloading " + file, e);
        }
    }

    private static URI redirectTarget(URI from, String location, InquiryFile file) {
        try {
            return from.resolve(location);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure(REFUSED, "download of " + file + " redirected to an invalid URL", e);
        }
    }
}
