package org.coopkg.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Format;
import org.coopkg.core.Ontology;
import org.coopkg.core.vocab.Coop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ontology as Linked Data. Its IRI, {@code https://w3id.org/coop-kg/ontology}, is on w3id.org, not on
 * this server; w3id redirects it here, to {@code /ontology}, which answers by content negotiation: the
 * HTML documentation, Turtle (the authored file itself, comments included), RDF/XML, JSON-LD or
 * N-Triples. Suffix forms {@code /ontology.ttl} etc. and the version path {@code /ontology/0.1.0} work too.
 * Everything is made once, from the bundled ontology, in the background from start-up: it cannot change while
 * the server runs.
 */
public final class OntologyServlet extends HttpServlet {
    /** What {@code /ontology} offers: the documentation first, for browsers. */
    public static final List<Format> OFFERED = List.of(Format.HTML, Format.TURTLE, Format.RDFXML,
            Format.JSONLD, Format.NTRIPLES);

    private static final Logger LOG = LoggerFactory.getLogger(OntologyServlet.class);

    private final transient Prepared<Map<Format, byte[]>> bodies;
    /** {@code /ontology/{owl:versionInfo}}; empty when the ontology states no version, so no version path answers. */
    private final transient Optional<String> versionPath;

    public OntologyServlet(Preparations preparations, Graph ontology, TermLabels terms) {
        // JSON-LD alone takes seconds to write: render in the background (Prepared) rather than delay start-up.
        bodies = preparations.add("the ontology documents", () -> {
            Map<Format, byte[]> rendered = new EnumMap<>(Format.class);
            rendered.put(Format.HTML, new OntologyDocument(ontology, terms).render().getBytes(StandardCharsets.UTF_8));
            rendered.put(Format.TURTLE, Ontology.authoredTurtle());
            for (Format t : List.of(Format.RDFXML, Format.JSONLD, Format.NTRIPLES)) {
                rendered.put(t, RdfWriting.write(ontology, t, ontology.getPrefixMapping()));
            }
            return rendered;
        });
        var it = ontology.find(NodeFactory.createURI(Coop.ONTOLOGY_IRI), OWL.versionInfo.asNode(), Node.ANY);
        versionPath = it.hasNext() ? Optional.of("/" + it.next().getObject().getLiteralLexicalForm()) : Optional.empty();
        it.close();
    }

    /** The servlet paths this servlet answers, for registration. */
    public static List<String> paths() {
        List<String> paths = new java.util.ArrayList<>(List.of(CoopIris.ONTOLOGY_PATH, CoopIris.ONTOLOGY_PATH + "/*"));
        for (Format t : OFFERED) paths.add(CoopIris.ONTOLOGY_PATH + "." + t.extension());
        return paths;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.readOnly(request, response, LOG, () -> answer(request, response));
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String rest = path.substring(CoopIris.ONTOLOGY_PATH.length());
        Optional<Format> type = Optional.empty();
        if (rest.startsWith(".")) {
            type = Format.byExtension(rest.substring(1), OFFERED);
            if (type.isEmpty()) {
                ErrorLine.send(request, response, 404, "the ontology is at " + CoopIris.ONTOLOGY_PATH + " ("
                        + String.join(", ", OFFERED.stream().map(f -> "." + f.extension()).toList()) + ")");
                return;
            }
        } else if (!rest.isEmpty() && versionPath.filter(rest::equals).isEmpty()) {
            ErrorLine.send(request, response, 404, "the ontology is at " + CoopIris.ONTOLOGY_PATH
                    + versionPath.map(v -> "; its version is at " + CoopIris.ONTOLOGY_PATH + v).orElse(""));
            return;
        }
        if (type.isEmpty()) {
            response.setHeader("Vary", "Accept");
            type = ContentNegotiation.choose(request.getHeader("Accept"), OFFERED);
            if (type.isEmpty()) {
                Responses.notAcceptable(request, response, OFFERED);
                return;
            }
        }
        Responses.send(request, response, 200, type.get().contentType(), bodies.get().get(type.get()));
    }
}
