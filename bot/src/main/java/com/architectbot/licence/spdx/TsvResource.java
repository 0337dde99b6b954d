package com.architectbot.licence.spdx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Our licence tables: tab-separated classpath resources, with blank lines and {@code #} comments skipped. */
public final class TsvResource {

    /** Receives each data row with its 1-based line number, so a bad row fails naming its line. */
    @FunctionalInterface
    public interface Row {
        void accept(int lineNumber, String[] columns);
    }

    private TsvResource() {}

    public static void read(String resource, Row row) {
        try (InputStream in = TsvResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank() && !line.startsWith("#")) {
                    row.accept(lineNumber, line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
