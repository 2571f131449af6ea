package org.coopkg.web;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.store.Backup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET} or {@code POST /$/backup} (update mode, for the users of the password file, {@link UpdateAuth}): the
 * served data as gzipped N-Quads, taken in one read transaction while the server goes on answering and accepting
 * updates ({@link Backup}). The answer is a download named {@code coop-kg-backup-TIME.nq.gz};
 * {@code coopkg restore --from FILE --tdb2 DIR} makes a database of it.
 */
final class BackupServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.LOG_NAME);

    private final transient DatasetGraph dataset;

    BackupServlet(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String time = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "");
        response.setStatus(200);
        response.setContentType("application/gzip");
        response.setHeader("Content-Disposition", "attachment; filename=\"coop-kg-backup-" + time + ".nq.gz\"");
        long start = System.nanoTime();
        long quads = Backup.write(dataset, response.getOutputStream());
        LOG.info("backup of {} quads for user '{}' in {} ms", quads, request.getRemoteUser(), (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
