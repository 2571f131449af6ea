package org.coopkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.coopkg.core.CoopIris;
import org.coopkg.store.JournalReader;
import org.coopkg.store.UpdateJournal;
import org.coopkg.web.CoopServer;

/** What {@code coopkg serve} prints once the server answers: where its endpoints and pages are. */
final class ServeBanner {
    private ServeBanner() {}

    /** {@code passwordFile}: the users who may update, for a server that takes updates. */
    static void print(PrintWriter out, CoopServer coop, Path passwordFile) {
        out.printf("Query page: %s%n", coop.url(CoopIris.QUERY_PAGE_PATH));
        out.printf("SPARQL endpoint: %s%n", coop.sparqlUrl());
        if (coop.updatable()) {
            out.printf("SPARQL Update: %s and Graph Store: %s (login required: users of %s)%n", coop.updateUrl(),
                    coop.url(CoopIris.DATA_PATH), passwordFile);
            out.printf("Online backup: %s (same users)%n", coop.url(CoopIris.BACKUP_PATH));
            journal(out, coop.journal());
        } else {
            out.printf("Graph Store (read-only): %s%n", coop.url(CoopIris.DATA_PATH));
        }
        out.printf("Linked Data: %s (IRIs %s…)%n", coop.url(CoopIris.HOME_PATH), coop.iris().entitySpace());
        out.printf("Reconciliation service (OpenRefine): %s%n", coop.url(CoopIris.RECONCILE_PATH));
        out.printf("Web API: %s (the gallery), %s (entity lookup), described at %s%n", coop.url(CoopIris.QUERIES_PATH),
                coop.url(CoopIris.LOOKUP_PATH), coop.url(CoopIris.OPENAPI_PATH));
        out.flush();
    }

    private static void journal(PrintWriter out, UpdateJournal journal) {
        if (journal == null) return;
        JournalReader.Reading opened = journal.opened();
        out.printf("Journal: %s (%d accepted updates replayed; each new one is written there before it is answered)%n",
                journal.file().toAbsolutePath(), opened.records().size());
        opened.torn().ifPresent(torn -> out.printf("coop-kg: WARNING: %s; its bytes were moved to %s%n",
                torn.describe(journal.file()), journal.tornCopy()));
    }
}
