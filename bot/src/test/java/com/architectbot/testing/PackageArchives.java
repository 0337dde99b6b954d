package com.architectbot.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Real package archives built in a test (an npm .tgz with Commons Compress, a jar with java.util.zip) and laid
 * out as a registry serves them, for {@link FakeRegistry#servingFolder}.
 */
public final class PackageArchives {

    private PackageArchives() {}

    /** One tar entry: a file with content, a file of {@code size} repeated bytes, or a symbolic link. */
    public record TarItem(String name, byte[] content, long size, byte fill, String linkTarget) {
        public static TarItem file(String name, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return new TarItem(name, bytes, bytes.length, (byte) 0, null);
        }

        public static TarItem filled(String name, long size, char fill) {
            return new TarItem(name, null, size, (byte) fill, null);
        }

        public static TarItem symlink(String name, String target) {
            return new TarItem(name, null, 0, (byte) 0, target);
        }
    }

    public static byte[] tgz(List<TarItem> items) {
        var bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (TarItem item : items) {
                TarArchiveEntry entry = item.linkTarget() != null
                        ? new TarArchiveEntry(item.name(), TarConstants.LF_SYMLINK, true)
                        : new TarArchiveEntry(item.name(), true);
                if (item.linkTarget() != null) {
                    entry.setLinkName(item.linkTarget());
                } else {
                    entry.setSize(item.size());
                }
                tar.putArchiveEntry(entry);
                write(tar, item);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(OutputStream out, TarItem item) throws IOException {
        if (item.content() != null) {
            out.write(item.content());
            return;
        }
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, item.fill());
        for (long left = item.size(); left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(left, chunk.length));
        }
    }

    /** A jar with these entries (deflated, except those named in {@code stored}) and {@code padding} random bytes. */
    public static byte[] jar(Map<String, String> entries, List<String> stored, int padding) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            byte[] random = new byte[padding];
            new Random(42).nextBytes(random);
            ZipEntry classes = new ZipEntry("com/acme/Big.class");
            zip.putNextEntry(classes);
            zip.write(random);
            for (var entry : entries.entrySet()) {
                byte[] content = entry.getValue().getBytes(StandardCharsets.UTF_8);
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                if (stored.contains(entry.getKey())) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(content.length);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * An npm release: its version document at {@code /<name>/<version>} (naming {@code tarballUrl}, where
     * {@link FakeRegistry#BASE_URL_PLACEHOLDER} stands for the fake's base) and the tarball at
     * {@code /<name>/-/<name>-<version>.tgz}.
     */
    public static void npmRelease(
            Path registry, String name, String version, String licence, String tarballUrl, byte[] tgz) {
        String document = "{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"license\":\"" + licence
                + "\",\"dist\":{\"tarball\":\"" + tarballUrl + "\"}}";
        writeFile(registry.resolve(name).resolve(version), document.getBytes(StandardCharsets.UTF_8));
        writeFile(registry.resolve(name).resolve("-").resolve(name + "-" + version + ".tgz"), tgz);
    }

    /** Where {@link #npmRelease} puts the tarball, as a URL on the fake registry. */
    public static String tarballUrl(String name, String version) {
        return FakeRegistry.BASE_URL_PLACEHOLDER + name + "/-/" + name + "-" + version + ".tgz";
    }

    /** A Maven release: its POM (declaring {@code licenceName}) and its jar. */
    public static void mavenRelease(
            Path repository, String group, String artifact, String version, String licenceName, byte[] jar) {
        Path folder =
                repository.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
        String pom = "<project><modelVersion>4.0.0</modelVersion><groupId>" + group + "</groupId><artifactId>"
                + artifact + "</artifactId><version>" + version + "</version><licenses><license><name>" + licenceName
                + "</name></license></licenses></project>";
        writeFile(folder.resolve(artifact + "-" + version + ".pom"), pom.getBytes(StandardCharsets.UTF_8));
        writeFile(folder.resolve(artifact + "-" + version + ".jar"), jar);
    }

    private static void writeFile(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
