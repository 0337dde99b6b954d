package com.architectbot.licence.release;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;

/**
 * The official schemas, from the jars that ship them (nothing copied into this repository): CycloneDX 1.6 with
 * its SPDX id and JSF sub-schemas through cyclonedx-core-java's own validator, and SPDX 2.3 from
 * {@code org.spdx:tools-java}. Each answers the schema's complaints; empty means valid.
 */
public final class SbomSchemas {

    private static final String SPDX_2_3 = "/resources/spdx-schema-v2.3.json";
    private static final Schema SPDX = loadSpdx();

    private SbomSchemas() {}

    public static List<String> cycloneDxErrors(String json) {
        try {
            return new JsonParser()
                    .validate(json, Version.VERSION_16).stream()
                            .map(ParseException::getMessage)
                            .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> spdxErrors(String json) {
        return SPDX.validate(json, InputFormat.JSON).stream()
                .map(error -> error.toString())
                .toList();
    }

    private static Schema loadSpdx() {
        try (InputStream schema = SbomSchemas.class.getResourceAsStream(SPDX_2_3)) {
            if (schema == null) {
                throw new IllegalStateException("org.spdx:tools-java no longer ships " + SPDX_2_3);
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                    .getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
