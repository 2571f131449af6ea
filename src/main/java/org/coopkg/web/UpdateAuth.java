package org.coopkg.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.coopkg.core.CoopIris;
import org.eclipse.jetty.security.UserPrincipal;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.util.security.Credential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic authentication for the write paths only: {@code /coop/update} (every method),
 * {@code /coop/data} (every method but GET, HEAD and OPTIONS) and the online backup {@code /$/backup}. Queries, the read-only Graph Store, Linked Data
 * and the query page stay public. Users come from a Jetty password file ({@code user: password}, passwords
 * plain or {@code OBF:}, {@code MD5:}, {@code CRYPT:}), read once at start. Without valid credentials the
 * answer is 401 with {@code WWW-Authenticate: Basic realm="coop-kg"}. Basic sends the password readably:
 * use it over loopback, or behind a TLS-terminating proxy.
 */
final class UpdateAuth implements Filter {
    static final String REALM = "coop-kg";
    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.LOG_NAME);
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** Checked for unknown users too, so that the time taken does not tell which user names exist. */
    private static final Credential NOBODY = Credential.getCredential("MD5:" + "0".repeat(32));

    private final UserStore users;
    private final String updatePath;
    private final String dataPath;

    private UpdateAuth(UserStore users, String datasetPath) {
        this.users = users;
        this.updatePath = datasetPath + "/update";
        this.dataPath = datasetPath + "/data";
    }

    /** Reads the password file; throws {@link IllegalArgumentException} naming it when it is missing or has no user. */
    static UpdateAuth fromPasswordFile(Path file, String datasetPath) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("the password file " + file + " does not exist or cannot be read");
        }
        UserStore users;
        try {
            users = JettySecurityLib.makeUserStore(file.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read the password file " + file + ": " + e.getMessage(), e);
        }
        if (userCount(file) == 0) {
            throw new IllegalArgumentException("the password file " + file + " names no user; write lines 'user: password'");
        }
        return new UpdateAuth(users, datasetPath);
    }

    /** The entries of the file, read as Jetty reads it (a properties file). */
    private static int userCount(Path file) {
        Properties entries = new Properties();
        try (var in = Files.newInputStream(file)) {
            entries.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the password file " + file + ": " + e.getMessage(), e);
        }
        return entries.size();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!needsLogin(request)) {
            chain.doFilter(req, res);
            return;
        }
        String user = authenticated(request.getHeader("Authorization"));
        if (user == null) {
            HttpServletResponse response = (HttpServletResponse) res;
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            response.sendError(401, request.getHeader("Authorization") == null
                    ? "updates and backups need a user name and password (HTTP Basic authentication)"
                    : "wrong user name or password");
            return;
        }
        LOG.info("{} {} by user '{}'", request.getMethod(), request.getRequestURI(), user);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteUser() {
                return user;
            }

            @Override
            public String getAuthType() {
                return HttpServletRequest.BASIC_AUTH;
            }
        }, res);
    }

    private boolean needsLogin(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.equals(CoopIris.BACKUP_PATH)) return true;
        if (path.equals(updatePath) || path.startsWith(updatePath + "/")) return true;
        return (path.equals(dataPath) || path.startsWith(dataPath + "/"))
                && !READ_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT));
    }

    /** The user named by a valid {@code Authorization: Basic …} header, or null. */
    private String authenticated(String header) {
        if (header == null) return null;
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Basic")) return null;
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(parts[1].strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) return null;
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        UserPrincipal principal = users.getUserPrincipal(user);
        if (principal == null) {
            NOBODY.check(password);
            return null;
        }
        return principal.authenticate(password) ? user : null;
    }
}
