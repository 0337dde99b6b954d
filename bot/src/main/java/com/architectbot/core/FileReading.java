package com.architectbot.core;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * How a surface reads a download, the same on every surface: at most {@code maxBytes} are taken (a file larger
 * than announced is refused, never buffered whole), and the bytes become what the worker asked for, a manifest
 * for a licence check or a picture for a consultation. Surfaces differ only in how they reach the file.
 *
 * @param tooLarge the failure for a file over {@code maxBytes}, its message saying what to send instead
 * @param reader what the bytes become; it reads at most one byte past {@code maxBytes}
 */
public record FileReading<T>(int maxBytes, Function<InquiryFile, PermanentFailure> tooLarge, Reader<T> reader) {

    /** Turns a download's body into the value wanted, or a {@link PermanentFailure} saying why it cannot. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(InputStream body, InquiryFile file, int maxBytes) throws IOException;
    }

    public FileReading {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        requireNonNull(tooLarge, "tooLarge");
        requireNonNull(reader, "reader");
    }

    /** A manifest for a licence check: UTF-8 text of at most {@code maxBytes}. */
    public static FileReading<FileText> manifests(int maxBytes) {
        return new FileReading<>(maxBytes, file -> FileSource.tooLarge(file, maxBytes), FileSource::readManifest);
    }

    /** A picture for a consultation: PNG, JPEG, GIF, WebP or PDF by its bytes, of at most {@code maxBytes}. */
    public static FileReading<Picture> pictures(int maxBytes) {
        return new FileReading<>(maxBytes, file -> pictureTooLarge(file, maxBytes), FileReading::readPicture);
    }

    /** Reads the body the way this reading says. */
    public T read(InputStream body, InquiryFile file) throws IOException {
        return reader.read(body, file, maxBytes);
    }

    /** The failure for a file over the cap, named by its size as announced before any download. */
    public PermanentFailure tooLarge(InquiryFile file) {
        return tooLarge.apply(file);
    }

    /**
     * The picture in the body, its type recognised from its first bytes; the name and type the sender claimed
     * decide nothing.
     *
     * @throws PermanentFailure when it is larger than {@code maxBytes}, empty, or none of the formats read
     */
    static Picture readPicture(InputStream body, InquiryFile file, int maxBytes) throws IOException {
        byte[] content = body.readNBytes(maxBytes + 1);
        if (content.length > maxBytes) {
            throw pictureTooLarge(file, maxBytes);
        }
        String name = FileSource.displayName(file);
        if (content.length == 0) {
            throw new PermanentFailure(
                    name + " is empty. Send the picture again.", "fetched " + file + " is empty", null);
        }
        PictureFormat format = PictureFormat.of(content)
                .orElseThrow(() -> new PermanentFailure(
                        name + " is not an image I can read: send " + PictureFormat.SUPPORTED + ".",
                        "fetched " + file + " is none of " + PictureFormat.SUPPORTED + " by its first bytes",
                        null));
        return new Picture(file.name(), format.mediaType(), content);
    }

    private static PermanentFailure pictureTooLarge(InquiryFile file, int maxBytes) {
        return new PermanentFailure(
                FileSource.displayName(file) + " is larger than " + maxBytes / (1024 * 1024) + " MB. Send a smaller "
                        + "picture (a screenshot of the part you ask about, or the diagram exported at a lower "
                        + "resolution).",
                "picture " + file + " is over " + maxBytes + " bytes",
                null);
    }
}
