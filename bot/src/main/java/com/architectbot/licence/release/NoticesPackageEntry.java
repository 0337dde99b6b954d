package com.architectbot.licence.release;

import com.architectbot.core.report.LicenceFinding;
import com.architectbot.licence.release.OwnFiles.Kind;
import com.architectbot.licence.release.OwnFiles.OwnFile;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One package in the notices: its name, package URL and licence, the copyright lines of its own files, and
 * its NOTICE (and LICENSE, when no bundled text stands for it). Everything passes through {@link PlainText}.
 */
final class NoticesPackageEntry {

    private NoticesPackageEntry() {}

    /** @param needsHuman the licence is unknown or unlisted: the package's own licence files are printed in full */
    static void write(StringBuilder out, LicenceFinding finding, OwnFiles files, boolean needsHuman) {
        out.append('\n').append(PlainText.line(displayName(finding.purl()))).append('\n');
        out.append("  Package URL: ").append(PlainText.line(finding.purl())).append('\n');
        out.append("  Licence: ").append(finding.licence() == null ? "unknown" : PlainText.line(finding.licence()));
        out.append(
                        finding.licence() == null && !finding.provenanceDetail().isEmpty()
                                ? " (" + PlainText.line(finding.provenanceDetail()) + ")"
                                : "")
                .append('\n');
        switch (files) {
            case null -> out.append("  (the package's own LICENSE/NOTICE were not read)\n");
            case OwnFiles.Unavailable unavailable ->
                out.append("  (the package's own LICENSE/NOTICE could not be fetched: ")
                        .append(PlainText.line(unavailable.reason()))
                        .append(")\n");
            case OwnFiles.Read read -> ownFiles(out, read.files(), needsHuman);
        }
    }

    private static void ownFiles(StringBuilder out, List<OwnFile> files, boolean withLicenceText) {
        List<String> copyrights =
                CopyrightLines.in(files.stream().map(OwnFile::text).toList());
        if (files.isEmpty()) {
            out.append("  (the package's archive has no LICENSE or NOTICE file)\n");
        }
        copyrights.forEach(line -> out.append("  ").append(line).append('\n'));
        for (OwnFile file : files) {
            if (file.kind() == Kind.NOTICE || withLicenceText) {
                out.append("\n  ---- ").append(PlainText.line(file.path())).append(" ----\n");
                PlainText.clean(file.text())
                        .strip()
                        .lines()
                        .forEach(line -> out.append("  ").append(line).append('\n'));
                if (file.cut()) {
                    out.append("  [... cut: the rest is in the package's own archive]\n");
                }
            }
        }
    }

    /** {@code express@4.18.2}, {@code @types/node@20.1.0}, {@code org.slf4j:slf4j-api@2.0.9}. */
    static String displayName(String purl) {
        String rest = purl.startsWith("pkg:") ? purl.substring(4) : purl;
        int slash = rest.indexOf('/');
        String type = slash < 0 ? "" : rest.substring(0, slash);
        String path = (slash < 0 ? rest : rest.substring(slash + 1)).replaceFirst("[?#].*$", "");
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) { // a stray '%': show it as it came
            decoded = path;
        }
        return type.equals("maven") ? decoded.replaceFirst("/", ":") : decoded;
    }
}
