package org.coopkg.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.web.CoopServer;
import org.junit.jupiter.api.Test;

/** What {@code serve} prints: every service the server answers on, at the port it really bound. */
class ServeBannerTest {
    @Test
    void theBannerNamesEveryServiceAtItsPort() throws Exception {
        var graph = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load();
        try (CoopServer server = CoopServer.builder().dataset(graph.readOnlyDataset()).port(0).loopback(true).build().start()) {
            StringWriter text = new StringWriter();
            ServeBanner.print(new PrintWriter(text), server, null);
            String origin = "http://localhost:" + server.port();
            for (String line : new String[] {"Query page: " + origin + "/\n", "SPARQL endpoint: " + origin + "/coop/sparql\n",
                    "Graph Store (read-only): " + origin + "/coop/data\n",
                    "Reconciliation service (OpenRefine): " + origin + "/reconcile\n",
                    "Web API: " + origin + "/api/queries (the gallery), " + origin + "/api/lookup (entity lookup), described at "
                            + origin + "/api/openapi.json\n"}) {
                assertTrue(text.toString().replace("\r\n", "\n").contains(line), text + " lacks " + line);
            }
        }
    }
}
