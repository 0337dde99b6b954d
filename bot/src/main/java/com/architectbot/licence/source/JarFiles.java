package com.architectbot.licence.source;

import com.architectbot.licence.release.OwnFiles;
import com.architectbot.licence.release.OwnFiles.OwnFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * {@code META-INF/LICENSE*} and {@code META-INF/NOTICE*} of a jar, read the way a zip is meant to be read from
 * its end: the end record, then the central directory, then only the wanted entries. Through {@link ByteRanges}
 * that is three small requests plus one per file instead of the whole jar. Every offset and size the jar
 * states is checked against the file before it is used; a jar that lies is {@link UnreadableArchive}.
 */
final class JarFiles {

    /** The end record is 22 bytes plus a comment of at most 64 KiB. */
    static final int MAX_TAIL = 22 + 65_535;
    /** A jar's directory of tens of thousands of classes stays well below this. */
    static final int MAX_DIRECTORY_BYTES = 8 * 1024 * 1024;

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;

    private JarFiles() {}

    /** One wanted entry as the directory describes it. */
    private record Entry(String name, OwnFiles.Kind kind, int method, long compressedSize, long localOffset) {}

    static OwnFiles read(ByteRanges jar, ArchiveLimits limits) {
        List<OwnFile> files = new ArrayList<>();
        for (Entry entry : wanted(directory(jar), limits)) {
            files.add(file(jar, entry, limits.maxFileBytes()));
        }
        files.sort(Comparator.comparing(OwnFile::path));
        return new OwnFiles.Read(files);
    }

    private static ByteBuffer directory(ByteRanges jar) {
        long size = jar.size();
        int tailLength = (int) Math.min(size, MAX_TAIL);
        ByteBuffer tail = little(jar.read(size - tailLength, tailLength));
        int end = -1;
        for (int at = tailLength - 22; at >= 0 && end < 0; at--) {
            end = tail.getInt(at) == END_SIGNATURE ? at : -1;
        }
        if (end < 0) {
            throw new UnreadableArchive("the jar has no zip end record");
        }
        long directorySize = Integer.toUnsignedLong(tail.getInt(end + 12));
        long directoryOffset = Integer.toUnsignedLong(tail.getInt(end + 16));
        long endOffset = size - tailLength + end;
        if (directoryOffset == 0xFFFFFFFFL || directorySize == 0xFFFFFFFFL) {
            throw new UnreadableArchive("the jar is a zip64 file, which is not read");
        }
        if (directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > endOffset) {
            throw new UnreadableArchive("the jar's central directory does not fit in the file (offset "
                    + directoryOffset + ", " + directorySize + " bytes, file of " + size + " bytes)");
        }
        long tailStart = size - tailLength;
        if (directoryOffset >= tailStart) {
            int from = (int) (directoryOffset - tailStart);
            return little(Arrays.copyOfRange(tail.array(), from, from + (int) directorySize));
        }
        return little(jar.read(directoryOffset, (int) directorySize));
    }

    private static List<Entry> wanted(ByteBuffer directory, ArchiveLimits limits) {
        List<Entry> wanted = new ArrayList<>();
        int at = 0;
        for (int count = 0; at + 46 <= directory.limit() && count < limits.maxEntries(); count++) {
            if (directory.getInt(at) != ENTRY_SIGNATURE) {
                throw new UnreadableArchive("the jar's central directory has a broken entry at byte " + at);
            }
            int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
            int next = at
                    + 46
                    + nameLength
                    + Short.toUnsignedInt(directory.getShort(at + 30))
                    + Short.toUnsignedInt(directory.getShort(at + 32));
            if (next > directory.limit()) {
                throw new UnreadableArchive("the jar's central directory has an entry longer than itself");
            }
            String name = new String(directory.array(), at + 46, nameLength, StandardCharsets.UTF_8);
            String file = name.startsWith("META-INF/") ? name.substring("META-INF/".length()) : "";
            var kind = file.contains("/") ? Optional.<OwnFiles.Kind>empty() : LicenceFileNames.kindOf(file);
            if (kind.isPresent() && wanted.size() < limits.maxFiles()) {
                wanted.add(new Entry(
                        name,
                        kind.get(),
                        Short.toUnsignedInt(directory.getShort(at + 10)),
                        Integer.toUnsignedLong(directory.getInt(at + 20)),
                        Integer.toUnsignedLong(directory.getInt(at + 42))));
            }
            at = next;
        }
        return wanted;
    }

    private static OwnFile file(ByteRanges jar, Entry entry, int maxBytes) {
        if (entry.localOffset() + 30 > jar.size()) {
            throw new UnreadableArchive("the jar's directory points " + entry.name() + " outside the file");
        }
        ByteBuffer local = little(jar.read(entry.localOffset(), 30));
        if (local.getInt(0) != LOCAL_SIGNATURE) {
            throw new UnreadableArchive("the jar's directory points " + entry.name() + " at no entry");
        }
        long dataOffset = entry.localOffset()
                + 30
                + Short.toUnsignedInt(local.getShort(26))
                + Short.toUnsignedInt(local.getShort(28));
        // deflate's output is never much larger than its input: maxBytes + 1 KiB of it holds maxBytes of text
        long wantedBytes = Math.min(entry.compressedSize(), entry.method() == 0 ? maxBytes + 1L : maxBytes + 1024L);
        if (dataOffset + entry.compressedSize() > jar.size()) {
            throw new UnreadableArchive("the jar's directory gives " + entry.name() + " a size beyond the file");
        }
        byte[] data = jar.read(dataOffset, (int) wantedBytes);
        return switch (entry.method()) {
            case 0 -> text(entry, data, maxBytes, entry.compressedSize() > maxBytes);
            case 8 -> inflated(entry, data, maxBytes);
            default -> throw new UnreadableArchive(entry.name() + " uses zip method " + entry.method() + ", not read");
        };
    }

    private static OwnFile inflated(Entry entry, byte[] data, int maxBytes) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(data);
            byte[] out = new byte[maxBytes + 1];
            int length = 0;
            while (length < out.length) {
                int inflated = inflater.inflate(out, length, out.length - length);
                if (inflated == 0) { // finished, out of input, or wanting a dictionary: nothing more comes
                    break;
                }
                length += inflated;
            }
            boolean cut = length > maxBytes || (!inflater.finished() && data.length < entry.compressedSize());
            return text(entry, Arrays.copyOf(out, Math.min(length, maxBytes)), maxBytes, cut);
        } catch (DataFormatException e) {
            throw new UnreadableArchive(entry.name() + " is not valid deflate data");
        } finally {
            inflater.end();
        }
    }

    private static OwnFile text(Entry entry, byte[] bytes, int maxBytes, boolean cut) {
        int length = Math.min(bytes.length, maxBytes);
        return new OwnFile(entry.name(), entry.kind(), new String(bytes, 0, length, StandardCharsets.UTF_8), cut);
    }

    private static ByteBuffer little(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
