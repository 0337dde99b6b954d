package com.architectbot.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Files users send with a question, made here: real pictures and PDFs, and things that only claim to be one. */
public final class Pictures {

    private Pictures() {}

    /** A small real PNG: two boxes and an arrow, as a diagram would have. */
    public static byte[] png() {
        return image("png", 120, 80);
    }

    /** A small real JPEG. */
    public static byte[] jpeg() {
        return image("jpeg", 120, 80);
    }

    /** A GIF header: enough for the type, by its first bytes. */
    public static byte[] gif() {
        return image("gif", 10, 10);
    }

    /** A WebP file's first bytes (the JDK writes no WebP): RIFF, a length, WEBP. */
    public static byte[] webp() {
        return bytes("RIFF\u0024\0\0\0WEBPVP8 ");
    }

    /** An HTML page, as a hostile or confused sender would name it {@code diagram.png}. */
    public static byte[] html() {
        return bytes("<!doctype html><html><body><script>alert(1)</script></body></html>");
    }

    /** An SVG drawing: an image, but not one the model is sent. */
    public static byte[] svg() {
        return bytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect/></svg>");
    }

    /** A zip archive with one entry. */
    public static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("diagram.png"));
            zip.write(png());
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PDF of {@code pages} A4 pages, each with a line drawn on it. */
    public static byte[] pdf(int pages) {
        return pdf(pages, PDRectangle.A4);
    }

    /** A one-page PDF whose page is this large, in points. */
    public static byte[] pdfWithPage(float width, float height) {
        return pdf(1, new PDRectangle(width, height));
    }

    /** A one-page PDF that opens only with a password. */
    public static byte[] encryptedPdf() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A4));
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pdf(int pages, PDRectangle size) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(size);
                document.addPage(page);
                if (i == 0) {
                    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                        content.moveTo(0, 0);
                        content.lineTo(size.getWidth(), size.getHeight());
                        content.stroke();
                    }
                }
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawRect(5, 5, 30, 20);
        g.drawRect(80, 50, 30, 20);
        g.drawLine(35, 15, 80, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
