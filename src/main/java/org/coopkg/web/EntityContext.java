package org.coopkg.web;

import org.apache.jena.graph.Node;

/**
 * What every section of one entity's page reads: the entity, the page's path (links are relative to it), its
 * label, and the value renderer and footnote register that all sections of the page share.
 */
record EntityContext(KnowledgeGraphView view, TermLabels terms, PageLinks links, Node entity, String path, String label,
                     ValueRenderer values, Footnotes footnotes) {

    /** The last path segment, to which the data forms' suffixes are appended. */
    String slug() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    String href(Node target) {
        return links.href(target, path);
    }
}
