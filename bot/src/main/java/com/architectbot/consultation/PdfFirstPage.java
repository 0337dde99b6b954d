package com.architectbot.consultation;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.Picture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A PDF the user sent, as the picture a model can read: its first page rendered to a PNG, in memory only. Only page
 * one is ever looked at, whatever the page count (the tree is followed down its first kids, never walked); its long
 * side is at most {@value #MAX_LONG_SIDE} px
 * however large the page claims to be (a 100,000 pt page is scaled down, never allocated at full size), and small
 * pages are drawn at no more than 150 dpi.
 */
final class PdfFirstPage {

    /** The longest side of the rendered page in pixels: a diagram stays legible, the image stays small. */
    static final int MAX_LONG_SIDE = 2_000;
    /** PDFBox's scratch buffers, in main memory only (nothing of the user's file is written to disk). */
    static final long MAX_SCRATCH_BYTES = 64L * 1024 * 1024;

    private static final float MAX_SCALE = 150f / 72f; // PDF units are 1/72 inch
    /** Levels of the page tree followed to the first page; real documents have a handful. */
    private static final int MAX_TREE_DEPTH = 64;

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
            PDPage first = firstPage(document).orElseThrow(() -> unreadable(pdf, "it has no pages", null));
            PDRectangle box = first.getCropBox();
            float longSide = Math.max(box.getWidth(), box.getHeight());
            if (!(longSide > 0) || Float.isInfinite(longSide) || Math.min(box.getWidth(), box.getHeight()) <= 0) {
                throw unreadable(pdf, "its first page has no size", null);
            }
            return encoded(pdf.name(), draw(first, Math.min(MAX_SCALE, MAX_LONG_SIDE / longSide)));
        } catch (InvalidPasswordException e) {
            throw new PermanentFailure(
                    pdf.displayName() + " is password-protected, so I can't open it. Send it without the password, "
                            + "or a screenshot of the page.",
                    "PDF " + pdf + " is encrypted",
                    e);
        } catch (PermanentFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) { // PDFBox's parsers throw both on a broken file
            throw unreadable(pdf, "PDFBox could not read it: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * The first page, found by following the first kid down the page tree: PDFBox's own page index looks at every
     * kid on the way, which a document of half a million one-line pages would make slow.
     */
    private static Optional<PDPage> firstPage(PDDocument document) {
        COSDictionary node = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES);
        for (int depth = 0; node != null && depth < MAX_TREE_DEPTH; depth++) {
            COSArray kids = node.getCOSArray(COSName.KIDS);
            if (kids == null) {
                return Optional.of(new PDPage(node));
            }
            node = kids.size() > 0 && kids.getObject(0) instanceof COSDictionary kid ? kid : null;
        }
        return Optional.empty();
    }

    /**
     * Draws the page alone, in a document of its own that holds only it, so the renderer never walks the original's
     * page tree; what the page inherits from its tree (resources, boxes, rotation) is copied onto it first.
     */
    private static BufferedImage draw(PDPage page, float scale) throws IOException {
        PDResources resources = page.getResources();
        PDRectangle media = page.getMediaBox();
        PDRectangle crop = page.getCropBox();
        int rotation = page.getRotation();
        try (PDDocument alone = new PDDocument()) {
            alone.addPage(page);
            page.setResources(resources);
            page.setMediaBox(media);
            page.setCropBox(crop);
            page.setRotation(rotation);
            PDFRenderer renderer = new PDFRenderer(alone);
            renderer.setSubsamplingAllowed(true); // large embedded images are read at the size drawn, not their own
            return renderer.renderImage(0, scale, ImageType.RGB);
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
