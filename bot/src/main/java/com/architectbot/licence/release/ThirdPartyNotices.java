package com.architectbot.licence.release;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code THIRD-PARTY-NOTICES}: the plain-text file a release ships for the packages it distributes. Each
 * package of the report with its licence, its copyright lines and its NOTICE (read from its own archive in the
 * registry), then the full text of every licence that obliges shipping it, once. A package whose files cannot be
 * read is still listed, with the reason; the file always comes out.
 */
public final class ThirdPartyNotices {

    /** How long all packages' archives together may take to read before the rest are reported unavailable. */
    public static final Duration DEFAULT_BUDGET = Duration.ofMinutes(2);
    /** The longest notices the bot sends in a conversation; the rest is cut with a line saying so. */
    public static final int DEFAULT_MAX_CHARS = 8 * 1024 * 1024;
    /** The longest notices the command line writes (its heap is the user's own). */
    public static final int COMMAND_LINE_MAX_CHARS = 128 * 1024 * 1024;

    /**
     * What the header says.
     *
     * @param project what the notices are for (the manifest's or package's name)
     * @param testScopesIncluded the report also holds test and provided scopes (they are not distributed)
     */
    public record Header(String project, LocalDate date, boolean testScopesIncluded) {
        public Header {
            requireNonNull(project, "project");
            requireNonNull(date, "date");
        }
    }

    private final PackageFiles files;
    private final BundledLicenceTexts texts;
    private final Duration budget;
    private final int maxChars;

    public ThirdPartyNotices(PackageFiles files, BundledLicenceTexts texts, Duration budget, int maxChars) {
        this.files = requireNonNull(files, "files");
        this.texts = requireNonNull(texts, "texts");
        this.budget = requireNonNull(budget, "budget");
        this.maxChars = maxChars;
    }

    public ThirdPartyNotices(PackageFiles files, BundledLicenceTexts texts, Duration budget) {
        this(files, texts, budget, DEFAULT_MAX_CHARS);
    }

    /** The notices as the bot sends them in a conversation, at most {@link #DEFAULT_MAX_CHARS}. */
    public ThirdPartyNotices(PackageFiles files) {
        this(files, BundledLicenceTexts.bundled(), DEFAULT_BUDGET, DEFAULT_MAX_CHARS);
    }

    /** The notices for every package of the report, with each one's own files read from its registry. */
    public String render(Header header, LicenceReport report) {
        List<String> purls = report.dependencies().stream()
                .map(LicenceFinding::purl)
                .sorted()
                .toList();
        Map<String, OwnFiles> own = OwnFilesReads.readAll(files, purls, budget);
        return new NoticesText(texts, maxChars).render(header, report, own);
    }
}
