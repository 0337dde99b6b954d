package com.architectbot.core.report;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A licence report's files, made on first ask and only once: a surface sends the report first and asks for
 * the files only where it can deliver them (THIRD-PARTY-NOTICES fetches every package's own files, which can
 * take minutes). The names are known before anything is made, for a surface that only says how to get them.
 */
public final class ReleaseFilesLater {

    /** No files to come (typed packages, the CLI, an empty tree). */
    public static final ReleaseFilesLater NONE = made(ReportFiles.NONE);

    private final List<String> names;
    private Supplier<ReportFiles> maker;
    private ReportFiles made;

    private ReleaseFilesLater(List<String> names, Supplier<ReportFiles> maker, ReportFiles made) {
        this.names = List.copyOf(names);
        this.maker = maker;
        this.made = made;
    }

    /** Files named {@code names}, made by {@code maker} when first asked for. */
    public static ReleaseFilesLater of(List<String> names, Supplier<ReportFiles> maker) {
        return new ReleaseFilesLater(names, requireNonNull(maker, "maker"), null);
    }

    /** Files already made. */
    public static ReleaseFilesLater made(ReportFiles files) {
        Stream<String> names = files.files().stream().map(ReleaseFile::name);
        return new ReleaseFilesLater(
                Stream.concat(names, files.missing().stream()).toList(), null, files);
    }

    /** Whether the report goes with files at all, without making them. */
    public boolean expected() {
        return !names.isEmpty();
    }

    /** The names of the files to come, without making them. */
    public List<String> names() {
        return names;
    }

    /** The files: made now on the first call, the same ones after. */
    public synchronized ReportFiles get() {
        if (made == null) {
            made = maker.get();
            maker = null; // the report it captured is no longer needed
        }
        return made;
    }

    /** The files if they have been made already; never makes them. */
    public synchronized Optional<ReportFiles> ifMade() {
        return Optional.ofNullable(made);
    }

    @Override
    public String toString() {
        return "ReleaseFilesLater" + names;
    }
}
