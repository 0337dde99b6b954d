package com.architectbot.consultation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
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
 * The child process {@link PdfFirstPage} starts to draw a user's PDF, so a PDF built to exhaust memory or to draw
 * forever only takes this process down: the PDF's bytes on stdin, its first page as a PNG (or a JPEG when the PNG is
 * over the size given as the only argument) on stdout, and an {@link Exit} code saying why not. Only page one is
 * ever looked at, whatever the page count (the tree is followed down its first kids, never walked); its long side is
 * at most {@value #MAX_LONG_SIDE} px however large the page claims to be (a 100,000 pt page is scaled down, never
 * allocated at full size), and small pages are drawn at no more than 150 dpi.
 */
public final class PdfPageProcess {

    /** The longest side of the rendered page in pixels: a diagram stays legible, the image stays small. */
    static final int MAX_LONG_SIDE = 2_000;
    /** PDFBox's scratch buffers, in main memory only (nothing of the user's file is written to disk). */
    static final long MAX_SCRATCH_BYTES = 64L * 1024 * 1024;

    private static final float MAX_SCALE = 150f / 72f; // PDF units are 1/72 inch
    /** Levels of the page tree followed to the first page; real documents have a handful. */
    private static final int MAX_TREE_DEPTH = 64;

    /** How the child ends; the parent turns every code but {@link #RENDERED} into a reply to the user. */
    enum Exit {
        RENDERED(0, "rendered"),
        ENCRYPTED(10, "it is encrypted"),
        NO_PAGES(11, "it has no pages"),
        NO_SIZE(12, "its first page has no size"),
        BROKEN(13, "PDFBox could not read it");

        final int code;
        final String why;

        Exit(int code, String why) {
            this.code = code;
            this.why = why;
        }

        static Optional<Exit> of(int code) {
            return Arrays.stream(values()).filter(exit -> exit.code == code).findFirst();
        }
    }

    private PdfPageProcess() {}

    public static void main(String[] args) {
        OutputStream picture = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err); // whatever a library prints cannot be mistaken for the picture
        Exit exit;
        try {
            int maxBytes = Integer.parseInt(args[0]);
            byte[] pdf = System.in.readNBytes(maxBytes + 1);
            exit = pdf.length > maxBytes ? Exit.BROKEN : draw(pdf, maxBytes, picture);
        } catch (IOException | RuntimeException e) {
            exit = Exit.BROKEN;
        }
        System.exit(exit.code);
    }

    private static Exit draw(byte[] pdf, int maxBytes, OutputStream picture) throws IOException {
        try (PDDocument document = Loader.loadPDF(
                pdf, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(MAX_SCRATCH_BYTES).streamCache)) {
            Optional<PDPage> first = firstPage(document);
            if (first.isEmpty()) {
                return Exit.NO_PAGES;
            }
            PDRectangle box = first.get().getCropBox();
            float longSide = Math.max(box.getWidth(), box.getHeight());
            if (!(longSide > 0) || Float.isInfinite(longSide) || Math.min(box.getWidth(), box.getHeight()) <= 0) {
                return Exit.NO_SIZE;
            }
            picture.write(encoded(draw(first.get(), Math.min(MAX_SCALE, MAX_LONG_SIDE / longSide)), maxBytes));
            picture.flush();
            return Exit.RENDERED;
        } catch (InvalidPasswordException e) {
            return Exit.ENCRYPTED;
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

    private static byte[] encoded(BufferedImage page, int maxBytes) throws IOException {
        byte[] png = write(page, "png");
        return png.length <= maxBytes ? png : write(page, "jpeg");
    }

    private static byte[] write(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
