package com.architectbot.consultation;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.Picture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A PDF the user sent, as the picture a model can read: its first page rendered to a PNG, in memory only. Only page
 * one is ever parsed for drawing, whatever the page count; its long side is at most {@value #MAX_LONG_SIDE} px
 * however large the page claims to be (a 100,000 pt page is scaled down, never allocated at full size), and small
 * pages are drawn at no more than 150 dpi.
 */
final class PdfFirstPage {

    /** The longest side of the rendered page in pixels: a diagram stays legible, the image stays small. */
    static final int MAX_LONG_SIDE = 2_000;
    /** PDFBox's scratch buffers, in main memory only (nothing of the user's file is written to disk). */
    static final long MAX_SCRATCH_BYTES = 64L * 1024 * 1024;

    private static final float MAX_SCALE = 150f / 72f; // PDF units are 1/72 inch

    private final int maxBytes;

    /** @param maxBytes the largest picture handed on; a rendered page over it is sent as JPEG instead */
    PdfFirstPage(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The first page as a PNG (or JPEG when the PNG would be over the cap), under the PDF's name.
     *
     * @throws PermanentFailure when the PDF is password-protected, broken, empty, or its page has no size
     */
    Picture render(Picture pdf) {
        try (PDDocument document = Loader.loadPDF(
                pdf.bytes(), "", null, null, MemoryUsageSetting.setupMainMemoryOnly(MAX_SCRATCH_BYTES).streamCache)) {
            if (document.getNumberOfPages() < 1) {
                throw unreadable(pdf, "it has no pages", null);
            }
            PDRectangle box = document.getPage(0).getCropBox();
            float longSide = Math.max(box.getWidth(), box.getHeight());
            if (!(longSide > 0) || Float.isInfinite(longSide) || Math.min(box.getWidth(), box.getHeight()) <= 0) {
                throw unreadable(pdf, "its first page has no size", null);
            }
            PDFRenderer renderer = new PDFRenderer(document);
            renderer.setSubsamplingAllowed(true); // large embedded images are read at the size drawn, not their own
            BufferedImage page = renderer.renderImage(0, Math.min(MAX_SCALE, MAX_LONG_SIDE / longSide), ImageType.RGB);
            return encoded(pdf.name(), page);
        } catch (InvalidPasswordException e) {
            throw new PermanentFailure(
                    pdf.displayName() + " is password-protected, so I can't open it. Send it without the password, "
                            + "or a screenshot of the page.",
                    "PDF " + pdf + " is encrypted",
                    e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof PermanentFailure failure) {
                throw failure;
            }
            throw unreadable(pdf, "PDFBox could not read it: " + e.getClass().getSimpleName(), e);
        }
    }

    private Picture encoded(String name, BufferedImage page) throws IOException {
        byte[] png = write(page, "png");
        return png.length <= maxBytes
                ? new Picture(name, "image/png", png)
                : new Picture(name, "image/jpeg", write(page, "jpeg"));
    }

    private static byte[] write(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static PermanentFailure unreadable(Picture pdf, String why, Throwable cause) {
        return new PermanentFailure(
                pdf.displayName() + " could not be read as a PDF. Send a PNG or JPEG screenshot of the page instead.",
                "PDF " + pdf + ": " + why,
                cause);
    }
}
