package org.coopkg.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.jena.graph.Node;
import org.coopkg.core.CoopIris;
import org.coopkg.core.vocab.Coop;

/**
 * Link targets for pages. Links between our own pages are relative ({@code ../organisation/cas}), so they
 * work on {@code localhost:PORT}, behind a reverse proxy and under any path prefix the proxy adds;
 * ontology terms link to the local ontology page ({@code /ontology#Term}); outside IRIs link out.
 */
public final class PageLinks {
    private final CoopIris iris;

    public PageLinks(CoopIris iris) {
        this.iris = iris;
    }

    /** Where a node links to from the page at {@code fromPath}, or null for a node without a page. */
    public String href(Node node, String fromPath) {
        if (!node.isURI()) return null;
        String iri = node.getURI();
        if (iri.startsWith(Coop.NS)) return relative(fromPath, CoopIris.ONTOLOGY_PATH) + "#" + iri.substring(Coop.NS.length());
        if (iri.equals(Coop.ONTOLOGY_IRI)) return relative(fromPath, CoopIris.ONTOLOGY_PATH);
        var local = iris.pathOfIri(iri);
        if (local.isPresent()) {
            String entity = iri.contains("#") ? iri.substring(0, iri.indexOf('#')) : iri;
            if (iris.kindOf(entity).isEmpty()) return null;
            return relative(fromPath, iris.pathOfIri(entity).orElseThrow());
        }
        return Html.safeHref(iri) && (iri.startsWith("http://") || iri.startsWith("https://")) ? iri : null;
    }

    /** A relative reference from one server path to another ({@code /id/person/x} → {@code ../place/y}). */
    public static String relative(String fromPath, String toPath) {
        String fragment = "";
        int hash = toPath.indexOf('#');
        if (hash >= 0) {
            fragment = toPath.substring(hash);
            toPath = toPath.substring(0, hash);
        }
        List<String> fromDir = segments(fromPath.substring(0, fromPath.lastIndexOf('/') + 1));
        List<String> to = segments(toPath);
        boolean toDir = toPath.endsWith("/");
        int common = 0;
        while (common < fromDir.size() && common < to.size() - (toDir ? 0 : 1) && fromDir.get(common).equals(to.get(common))) {
            common++;
        }
        StringBuilder b = new StringBuilder();
        for (int i = common; i < fromDir.size(); i++) b.append("../");
        for (int i = common; i < to.size(); i++) {
            b.append(to.get(i));
            if (i < to.size() - 1 || toDir) b.append('/');
        }
        String result = b.toString();
        // A first segment with a colon would read as a scheme; "./" keeps it a path.
        if (result.isEmpty() || result.split("/")[0].contains(":")) result = "./" + result;
        return result + fragment;
    }

    private static List<String> segments(String path) {
        List<String> list = new ArrayList<>(Arrays.asList(path.split("/")));
        list.removeIf(String::isEmpty);
        return list;
    }
}
