package org.coopkg.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.rdf.model.Resource;

/**
 * A full-text index being filled on its own thread: every use waits until the filling has ended, so a query
 * never sees part of the index. A server is assembled meanwhile, on the other core, and is usually ready
 * before the index is.
 */
final class FillingTextIndex implements TextIndex {
    private final TextIndex index;
    private final CompletableFuture<Long> filled;

    FillingTextIndex(TextIndex index, CompletableFuture<Long> filled) {
        this.index = index;
        this.filled = filled;
    }

    /** The index once filled; the cause, with its message, if filling it failed. */
    private TextIndex filled() {
        try {
            filled.join();
            return index;
        } catch (CompletionException e) {
            throw new IllegalStateException("the full-text index could not be built: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public EntityDefinition getDocDef() {
        return index.getDocDef();
    }

    @Override
    public void prepareCommit() {
        filled().prepareCommit();
    }

    @Override
    public void commit() {
        filled().commit();
    }

    @Override
    public void rollback() {
        filled().rollback();
    }

    @Override
    public void addEntity(Entity entity) {
        filled().addEntity(entity);
    }

    @Override
    public void updateEntity(Entity entity) {
        filled().updateEntity(entity);
    }

    @Override
    public void deleteEntity(Entity entity) {
        filled().deleteEntity(entity);
    }

    @Override
    public Map<String, Node> get(String uri) {
        return filled().get(uri);
    }

    @Override
    public List<TextHit> query(Node property, String qs, String graphURI, String lang, int limit) {
        return filled().query(property, qs, graphURI, lang, limit);
    }

    @Override
    public List<TextHit> query(Node property, String qs, String graphURI, String lang) {
        return filled().query(property, qs, graphURI, lang);
    }

    @Override
    public List<TextHit> query(Node property, String qs, String graphURI, String lang, int limit, String highlight) {
        return filled().query(property, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public List<TextHit> query(List<Resource> props, String qs, String graphURI, String lang, int limit, String highlight) {
        return filled().query(props, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public List<TextHit> query(String uri, List<Resource> props, String qs, String graphURI, String lang, int limit,
                               String highlight) {
        return filled().query(uri, props, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public List<TextHit> query(Node subj, List<Resource> props, String qs, String graphURI, String lang, int limit,
                               String highlight) {
        return filled().query(subj, props, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public List<TextHit> query(String uri, Node property, String qs, String graphURI, String lang, int limit,
                               String highlight) {
        return filled().query(uri, property, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public void close() {
        filled.exceptionally(failed -> 0L).join();
        index.close();
    }
}
