package com.architectbot.licence.source;

import com.architectbot.licence.release.OwnFiles;
import com.architectbot.licence.release.OwnFiles.OwnFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The licence and notice files at the root of an npm package tarball ({@code package/LICENSE}): regular files
 * one folder deep only, never a link, never a path that climbs ({@code ../}), each cut at
 * {@link ArchiveLimits#maxFileBytes()}, and the unpacking stopped at {@link ArchiveLimits#maxUnpackedBytes()}.
 */
final class TarballFiles {

    private static final Logger log = LoggerFactory.getLogger(TarballFiles.class);

    private TarballFiles() {}

    static OwnFiles read(byte[] tgz, ArchiveLimits limits) {
        List<OwnFile> files = new ArrayList<>();
        try (var unpacked = ResponseBodies.capped(
                        new GZIPInputStream(new ByteArrayInputStream(tgz)),
                        limits.maxUnpackedBytes(),
                        OptionalLong.empty());
                var tar = new TarArchiveInputStream(unpacked)) {
            int entries = 0;
            for (TarArchiveEntry entry = tar.getNextEntry();
                    entry != null && files.size() < limits.maxFiles() && ++entries <= limits.maxEntries();
                    entry = tar.getNextEntry()) {
                String name = rootFileName(entry);
                if (name != null) {
                    var kind = LicenceFileNames.kindOf(name);
                    if (kind.isPresent()) {
                        files.add(readFile(tar, name, kind.get(), limits.maxFileBytes()));
                    }
                }
            }
        } catch (ResponseBodies.TooLarge e) {
            if (files.isEmpty()) {
                return new OwnFiles.Unavailable("the tarball unpacks to more than "
                        + ResponseBodies.describe(limits.maxUnpackedBytes()) + " with no licence file before that");
            }
            log.debug("tarball unpacking stopped at the limit after {} licence files", files.size());
        } catch (IOException | IllegalArgumentException e) {
            return new OwnFiles.Unavailable(
                    "the tarball could not be read (" + e.getClass().getSimpleName() + ")");
        }
        files.sort(Comparator.comparing(OwnFile::path));
        return new OwnFiles.Read(files);
    }

    /** {@code LICENSE} for {@code package/LICENSE}; null for anything deeper, climbing, absolute or not a plain file. */
    private static String rootFileName(TarArchiveEntry entry) {
        if (!entry.isFile() || entry.isSymbolicLink() || entry.isLink()) {
            return null;
        }
        String[] parts = entry.getName().split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[0].equals("..") || parts[0].equals(".")) {
            return null;
        }
        String name = parts[1];
        return name.isEmpty() || name.equals("..") || name.contains("\\") ? null : name;
    }

    private static OwnFile readFile(InputStream tar, String name, OwnFiles.Kind kind, int maxBytes) throws IOException {
        byte[] kept = tar.readNBytes(maxBytes);
        boolean cut = kept.length == maxBytes && tar.read() != -1;
        return new OwnFile(name, kind, new String(kept, StandardCharsets.UTF_8), cut);
    }
}
