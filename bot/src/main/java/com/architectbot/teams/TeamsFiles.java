package com.architectbot.teams;

import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.FileSource;
import com.architectbot.core.FileText;
import com.architectbot.core.InquiryFile;
import com.architectbot.core.InquiryRules;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.RetryableFailure;
import com.architectbot.server.AllowedHosts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Fetches a file a user sent in a personal chat, on a worker (never on the request thread). Teams
 * hands the bot a short-lived, pre-authorised download URL, so no token is needed. The URL arrives in the
 * activity, so it is checked before every request: https, on a host in {@code TEAMS_FILE_HOSTS}, resolving
 * to public addresses only. Redirects are followed by hand (at most {@value #MAX_REDIRECTS}), each hop
 * checked the same way, and at most {@link InquiryRules#MAX_FILE_BYTES} are read.
 */
public final class TeamsFiles implements FileSource {

    static final int MAX_REDIRECTS = 3;
    static final String REFUSED = "I only open files that Teams keeps in OneDrive or SharePoint, and that link "
            + "points elsewhere, so I did not open it. Attach the manifest to a personal chat with me again, or paste "
            + "its dependencies after license-check.";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final HttpClient http = AllowedHosts.client(TIMEOUT);
    private final AllowedHosts hosts;
    private final int maxBytes;

    public TeamsFiles(AllowedHosts hosts) {
        this(hosts, InquiryRules.MAX_FILE_BYTES);
    }

    TeamsFiles(AllowedHosts hosts, int maxBytes) {
        this.hosts = hosts;
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
        URI url = file.location();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Optional<String> refusal = hosts.refusal(url);
            if (refusal.isPresent()) {
                throw new PermanentFailure(REFUSED, "refused to download " + file + ": " + refusal.get(), null);
            }
            Hop result = get(url, file);
            if (result.manifest() != null) {
                return result.manifest();
            }
            url = result.redirect();
        }
        throw new PermanentFailure(
                REFUSED, "download of " + file + " redirected more than " + MAX_REDIRECTS + " times", null);
    }

    /** One response: the manifest, or where it redirects to (to be checked before it is followed). */
    private record Hop(FileText manifest, URI redirect) {}

    private Hop get(URI url, InquiryFile file) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                Optional<String> location = response.headers().firstValue("Location");
                if (status / 100 == 3 && location.isPresent()) {
                    return new Hop(null, redirectTarget(url, location.get(), file));
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
                return new Hop(FileSource.readManifest(body, file, maxBytes), null);
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
