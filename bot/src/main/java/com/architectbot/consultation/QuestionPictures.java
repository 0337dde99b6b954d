package com.architectbot.consultation;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.FileSource;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryRules;
import com.architectbot.core.Picture;
import com.architectbot.core.PictureFormat;
import com.architectbot.core.answer.ConsultationAnswer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The pictures sent with a question, read on the worker through the surface's {@link FileSource}: at most
 * {@link InquiryRules#MAX_PICTURES} of them, a PDF as its first page. They live for the consultation only; the
 * thread's memory keeps their names ({@link #remembered}), and the answer says when some were left out.
 */
final class QuestionPictures {

    private final FileSource files;
    private final PdfFirstPage pdfs = new PdfFirstPage(InquiryRules.MAX_PICTURE_BYTES);

    QuestionPictures(FileSource files) {
        this.files = requireNonNull(files, "files");
    }

    /**
     * The pictures of the inquiry, in the order sent, ready for the model.
     *
     * @throws com.architectbot.core.PermanentFailure when one cannot be read; its message names the file and says
     *     what to send instead
     */
    List<Picture> read(Inquiry inquiry) {
        return inquiry.files().stream()
                .limit(InquiryRules.MAX_PICTURES)
                .map(file -> files.picture(file, inquiry.thread()))
                .map(picture ->
                        PictureFormat.PDF.mediaType().equals(picture.mediaType()) ? pdfs.render(picture) : picture)
                .toList();
    }

    /** The question as the thread remembers it: its text, and a line naming the pictures shown (no bytes). */
    static String remembered(String question, List<Picture> pictures) {
        if (pictures.isEmpty()) {
            return question;
        }
        return question + "\n[shown: "
                + pictures.stream().map(Picture::displayName).collect(Collectors.joining(", ")) + "]";
    }

    /** The answer, with a note at the end of its summary when pictures were left out. */
    static ConsultationAnswer noting(ConsultationAnswer answer, Inquiry inquiry) {
        int sent = inquiry.files().size();
        if (sent <= InquiryRules.MAX_PICTURES) {
            return answer;
        }
        String note = "(I looked at the first " + InquiryRules.MAX_PICTURES + " of the " + sent + " pictures you "
                + "sent; send the others in a follow-up in this thread.)";
        return new ConsultationAnswer(
                answer.summary() + "\n\n" + note,
                answer.criticalIssues(),
                answer.analysis(),
                answer.recommendations(),
                answer.questions());
    }
}
