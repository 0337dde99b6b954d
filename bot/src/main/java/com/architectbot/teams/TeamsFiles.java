package com.architectbot.teams;

import com.architectbot.consultation.FileSource;
import com.architectbot.consultation.InquiryFile;
import com.architectbot.consultation.PermanentFailure;
import com.architectbot.consultation.RetryableFailure;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.licence.CheckInput;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches a file a user sent in a personal chat, on a worker (never on the request thread). Teams
 * hands the bot a short-lived, pre-authorised download URL, so no token is needed.
 */
public final class TeamsFiles implements FileSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    private final int maxBytes;

    public TeamsFiles() {
        this(TeamsSettings.MAX_FILE_BYTES);
    }

    TeamsFiles(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The file's content as a manifest to check.
     *
     * @throws PermanentFailure when the file is too large, gone, or not text
     * @throws RetryableFailure when the download failed on the way
     */
    @Override
    public CheckInput.Manifest fetch(InquiryFile file, ThreadKey thread) {
        HttpRequest request = HttpRequest.newBuilder(file.location()).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() >= 500 || response.statusCode() == 429) {
                    throw new RetryableFailure("download of " + file + " answered HTTP " + response.statusCode());
                }
                if (response.statusCode() != 200) {
                    throw new PermanentFailure("I could not open " + FileSource.displayName(file)
                            + ": the link has expired. Please send it again.",
                            "download of " + file + " answered HTTP " + response.statusCode(), null);
                }
                byte[] content = body.readNBytes(maxBytes + 1);
                if (content.length > maxBytes) {
                    throw new PermanentFailure(FileSource.displayName(file) + " is larger than " + maxBytes / 1024 + " KB; "
                            + "send the manifest or lockfile alone.");
                }
                return FileSource.textManifest(file, content);
            }
        } catch (IOException e) {
            throw new RetryableFailure("download of " + file + " failed after at most " + TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted while downloading " + file, e);
        }
    }
}
