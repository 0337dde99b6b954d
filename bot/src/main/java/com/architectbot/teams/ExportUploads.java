package com.architectbot.teams;

import com.architectbot.server.AllowedHosts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Uploads an accepted export to the URL Teams handed out (a pre-authorised OneDrive upload session), in
 * one PUT. The URL arrives in a request, so it must pass the same allow-list as file downloads
 * ({@code TEAMS_FILE_HOSTS}: https, OneDrive/SharePoint hosts that resolve to public addresses). Redirects are
 * not followed.
 */
final class ExportUploads {

    private final HttpClient http;
    private final Duration timeout;
    private final AllowedHosts hosts;

    ExportUploads(Duration timeout, AllowedHosts hosts) {
        this.timeout = timeout;
        this.hosts = hosts;
        this.http = AllowedHosts.client(timeout);
    }

    /** Whether the bot may send the user's file to this URL. */
    boolean acceptable(URI url) {
        return hosts.refusal(url).isEmpty();
    }

    /**
     * Sends the whole file.
     *
     * @throws Failed when the URL is not acceptable, the upload is refused, or it takes too long
     */
    void upload(URI url, String json) {
        var refusal = hosts.refusal(url);
        if (refusal.isPresent()) {
            throw new Failed("upload URL refused: " + refusal.get(), null);
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Range", "bytes 0-" + (bytes.length - 1) + "/" + bytes.length)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)) // sets Content-Length
                .build();
        String where = "upload to " + url.getHost();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new Failed(where + " answered HTTP " + response.statusCode(), null);
            }
        } catch (IOException e) {
            throw new Failed(where + " failed after at most " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted during " + where, e);
        }
    }

    /** The export did not reach the user's OneDrive; the message names the host, never the URL's token. */
    static final class Failed extends RuntimeException {
        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
