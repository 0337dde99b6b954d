package com.architectbot.licence.spdx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spdx.Configuration;
import org.spdx.library.ListedLicenses;

class SpdxCatalogueTest {

    /** Sees every URL the JDK would open, and sends it to a closed loopback port instead of the internet. */
    private final List<URI> attempted = Collections.synchronizedList(new ArrayList<>());

    private ProxySelector original;

    @BeforeEach
    void recordOutboundConnections() {
        original = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                attempted.add(uri);
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 1)));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {}
        });
    }

    @AfterEach
    void restore() {
        ProxySelector.setDefault(original);
        SpdxCatalogue.useBundledListOnly();
        ListedLicenses.resetListedLicenses();
    }

    @Test
    void bundled_list_loads_without_any_outbound_connection() {
        // given the library's singleton is rebuilt, as at the first use in a fresh JVM
        SpdxCatalogue.useBundledListOnly();
        ListedLicenses.resetListedLicenses();
        // when
        SpdxCatalogue catalogue = SpdxCatalogue.load();
        // then
        assertThat(attempted).isEmpty();
        assertThat(catalogue.licences()).hasSizeGreaterThan(600);
        assertThat(catalogue.licenceId("apache-2.0")).contains("Apache-2.0");
        assertThat(catalogue.exceptionId("classpath-exception-2.0")).contains("Classpath-exception-2.0");
        assertThat(catalogue.licence("GPL-2.0+"))
                .get()
                .extracting(SpdxCatalogue.LicenceInfo::deprecated)
                .isEqualTo(true);
        assertThat(catalogue.listVersion()).matches("\\d+\\.\\d+(\\.\\d+)?");
    }

    @Test
    void the_connection_recorder_does_see_a_download_when_the_switch_is_off() {
        // given: proves the test above could fail
        System.setProperty(SpdxCatalogue.OFFLINE_PROPERTY, "false");
        // when
        ListedLicenses.resetListedLicenses();
        // then
        assertThat(attempted).extracting(URI::getHost).contains("spdx.org");
    }

    @Test
    void the_library_configuration_we_ship_says_offline_even_without_the_system_property() {
        System.clearProperty(SpdxCatalogue.OFFLINE_PROPERTY);
        try {
            assertThat(Configuration.getInstance().getProperty(SpdxCatalogue.OFFLINE_PROPERTY))
                    .isEqualTo("true");
        } finally {
            SpdxCatalogue.useBundledListOnly();
        }
    }

    @Test
    void names_and_reference_urls_lead_to_ids() {
        SpdxCatalogue catalogue = SpdxCatalogue.bundled();

        assertThat(catalogue.licenceIdForName("GNU Lesser General Public License v2.1 or later"))
                .contains("LGPL-2.1-or-later");
        assertThat(catalogue.licenceIdForName("Mozilla Public License 2.0")).contains("MPL-2.0");
        assertThat(catalogue.licenceIdForName("Nothing Like A Licence")).isEmpty();
    }
}
