package com.architectbot.consultation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/** PDFs an attacker sends to take the renderer down: small files that cost unbounded memory or time to draw. */
final class HostilePdfs {

    private static final COSName X = COSName.getPDFName("X");

    private HostilePdfs() {}

    /**
     * About 0.5 MB: page one draws an image of {@code side}×{@code side} RGB pixels whose stream is zeros, deflated,
     * so decoding it needs {@code 3 × side²} bytes at once.
     */
    static byte[] decompressionBomb(int side) {
        try (PDDocument document = new PDDocument()) {
            COSStream image = document.getDocument().createCOSStream();
            image.setItem(COSName.TYPE, COSName.XOBJECT);
            image.setItem(COSName.SUBTYPE, COSName.IMAGE);
            image.setInt(COSName.WIDTH, side);
            image.setInt(COSName.HEIGHT, side);
            image.setItem(COSName.COLORSPACE, COSName.DEVICERGB);
            image.setInt(COSName.BITS_PER_COMPONENT, 8);
            image.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            try (OutputStream raw = image.createRawOutputStream()) {
                raw.write(deflatedZeros((long) side * side * 3));
            }
            PDResources resources = new PDResources();
            resources.getCOSObject().setItem(COSName.XOBJECT, new org.apache.pdfbox.cos.COSDictionary());
            resources.getCOSObject().getCOSDictionary(COSName.XOBJECT).setItem(X, image);
            return saved(document, resources, "q 612 0 0 792 0 0 cm /X Do Q\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A few KB: page one draws form X1, each form draws the next eight times, twelve levels down: 8¹² fills. */
    static byte[] nestedForms() {
        try (PDDocument document = new PDDocument()) {
            PDFormXObject inner = form(document, new PDResources(), "0 0 m 600 700 l 10 700 l h f\n");
            for (int level = 1; level < 12; level++) {
                PDResources resources = new PDResources();
                resources.put(X, inner);
                inner = form(document, resources, "q 0.9 0 0 0.9 1 1 cm /X Do Q\n".repeat(8));
            }
            PDResources page = new PDResources();
            page.put(X, inner);
            return saved(document, page, "/X Do\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDFormXObject form(PDDocument document, PDResources resources, String content) throws IOException {
        PDFormXObject form = new PDFormXObject(document);
        form.setBBox(PDRectangle.LETTER);
        form.setResources(resources);
        try (OutputStream out = form.getContentStream().createOutputStream()) {
            out.write(content.getBytes(StandardCharsets.ISO_8859_1));
        }
        return form;
    }

    private static byte[] saved(PDDocument document, PDResources resources, String content) throws IOException {
        PDPage page = new PDPage(PDRectangle.LETTER);
        page.setResources(resources);
        PDStream contents = new PDStream(document);
        try (OutputStream out = contents.createOutputStream()) {
            out.write(content.getBytes(StandardCharsets.ISO_8859_1));
        }
        page.setContents(contents);
        document.addPage(page);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private static byte[] deflatedZeros(long count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            for (long left = count; left > 0; left -= zeros.length) {
                deflater.write(zeros, 0, (int) Math.min(left, zeros.length));
            }
        }
        return out.toByteArray();
    }
}
