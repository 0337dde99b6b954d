package com.architectbot.slack;

import com.architectbot.slack.blockkit.SlackUpload;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

/** Slack's {@code files.uploadV2}: a reply's files in one upload, its failures as an ordinary error answer. */
final class SlackFilesUploadV2 {

    private SlackFilesUploadV2() {}

    /** The shared file's id, recorded as the upload's part so a retry knows it is done. */
    static String fileId(FilesUploadV2Response response) {
        if (response.getFiles() != null
                && !response.getFiles().isEmpty()
                && response.getFiles().getFirst().getId() != null) {
            return response.getFiles().getFirst().getId();
        }
        return response.getFile() != null && response.getFile().getId() != null
                ? response.getFile().getId()
                : "file";
    }

    /** The v2 upload is three calls; one answering {@code ok:false} comes back as that answer, for the retry rules. */
    static FilesUploadV2Response upload(MethodsClient client, String channel, String threadTs, SlackUpload upload)
            throws IOException, SlackApiException {
        List<FilesUploadV2Request.UploadFile> files = upload.files().stream()
                .map(file -> FilesUploadV2Request.UploadFile.builder()
                        .filename(file.fileName())
                        .title(file.title())
                        .content(file.content())
                        .build())
                .toList();
        try {
            return client.filesUploadV2(r -> r.channel(channel)
                    .threadTs(threadTs)
                    .initialComment(upload.comment().isEmpty() ? null : upload.comment())
                    .uploadFiles(files));
        } catch (SlackFilesUploadV2Exception e) {
            FilesUploadV2Response failed = new FilesUploadV2Response();
            failed.setOk(false);
            failed.setError(firstError(e));
            return failed;
        }
    }

    private static String firstError(SlackFilesUploadV2Exception e) {
        boolean uploadRefused = e.getUploadResponses().values().stream().anyMatch(r -> r.getCode() != 200);
        return Stream.concat(e.getGetURLResponses().stream(), Stream.ofNullable(e.getCompleteResponse()))
                .filter(r -> !r.isOk())
                .map(SlackApiTextResponse::getError)
                .findFirst()
                .orElse(uploadRefused ? "service_unavailable" : "upload_failed");
    }
}
