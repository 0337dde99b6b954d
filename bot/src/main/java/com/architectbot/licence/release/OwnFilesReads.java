package com.architectbot.licence.release;

import com.architectbot.licence.WithinBudget;
import com.architectbot.licence.release.OwnFiles.OwnFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads the packages' own files on virtual threads, at most {@value #MAX_READS_AT_ONCE} at a time (a read holds
 * its archive in memory while it unpacks it), within one time budget: a read still running when it is spent is
 * {@link OwnFiles.Unavailable}, so the notices always come out. What a package gives is kept to
 * {@value #MAX_CHARS_PER_PACKAGE} characters over all its files, so thousands of packages cannot fill the heap.
 */
final class OwnFilesReads {

    /** Archives fetched and unpacked at the same time, over all registries. */
    static final int MAX_READS_AT_ONCE = 8;
    /** A package's own files, all together; the rest is cut (and marked cut). */
    static final int MAX_CHARS_PER_PACKAGE = 64 * 1024;

    private OwnFilesReads() {}

    static Map<String, OwnFiles> readAll(PackageFiles files, Collection<String> purls, Duration budget) {
        return WithinBudget.askAll(
                purls,
                purl -> capped(files.read(purl)),
                MAX_READS_AT_ONCE,
                budget,
                miss -> new OwnFiles.Unavailable(
                        switch (miss) {
                            case WithinBudget.Miss.Late late -> "no answer within " + budget.toSeconds() + " s";
                            case WithinBudget.Miss.Failed failed ->
                                "the read failed: " + failed.cause().getClass().getSimpleName();
                            case WithinBudget.Miss.Interrupted interrupted -> "interrupted";
                            case WithinBudget.Miss.NoAnswer none -> "the registry gave no answer";
                        }));
    }

    /** The files as read, cut so that together they hold at most {@link #MAX_CHARS_PER_PACKAGE} characters. */
    static OwnFiles capped(OwnFiles read) {
        if (!(read instanceof OwnFiles.Read(List<OwnFile> all))) {
            return read;
        }
        List<OwnFile> kept = new ArrayList<>();
        int left = MAX_CHARS_PER_PACKAGE;
        for (OwnFile file : all) {
            if (left == 0) {
                kept.add(new OwnFile(file.path(), file.kind(), "", true));
            } else if (file.text().length() > left) {
                kept.add(new OwnFile(file.path(), file.kind(), file.text().substring(0, left), true));
                left = 0;
            } else {
                kept.add(file);
                left -= file.text().length();
            }
        }
        return new OwnFiles.Read(kept);
    }
}
