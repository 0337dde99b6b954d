package com.architectbot.cli;

import com.architectbot.config.Environment;
import java.io.PrintWriter;
import java.io.Writer;

/** The command line as a terminal runs it ({@link Main#run}), writing to these streams: for benchmarks outside the package. */
public final class Terminal {

    private Terminal() {}

    /** Runs one {@code architect-bot} command in this environment and returns its exit code. */
    public static int run(Environment env, Writer out, Writer err, String... args) {
        return Main.run(env, cli -> cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)), args);
    }
}
