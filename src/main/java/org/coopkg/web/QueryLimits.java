package org.coopkg.web;

import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.Op2;
import org.apache.jena.sparql.algebra.op.OpAssign;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpN;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * Limits on the shape of a query or update, checked before the parts of Jena that recurse over it: without them a
 * deeply nested request overflows the stack (the answer was {@code Error 400: StackOverflowError}) or, for nested
 * {@code EXISTS}, keeps a core busy in the optimiser for hours, which the query timeout does not stop.
 * <ul>
 * <li>Brackets ({@code { ( [}) may nest at most {@code nesting} deep in the text, checked before parsing.</li>
 * <li>The algebra, expressions included, may be at most {@code 4 × nesting} operators deep, checked after parsing
 * and before evaluation: each OPTIONAL, MINUS or UNION branch nests the rest of its group one level deeper, and so
 * does each operator of a long expression.</li>
 * <li>{@code EXISTS} / {@code NOT EXISTS} may nest at most {@value #EXISTS_NESTING} deep: Jena's optimiser takes
 * about 1.6 times as long for each level (0.7 s at 20, 6 s at 25 measured here).</li>
 * <li>A query (not an update, which may carry data) may be at most {@code length} characters long.</li>
 * </ul>
 * Each is answered 400 with a message that says {@code query nested too deeply (limit N)} or
 * {@code query too long}, and how to fix it.
 */
final class QueryLimits {
    static final int DEFAULT_NESTING = 64;
    static final int DEFAULT_LENGTH = 100_000;
    static final int EXISTS_NESTING = 8;
    /** Operators a level of brackets may bring in the algebra. */
    private static final int OPERATORS_PER_LEVEL = 4;

    private final int nesting;
    private final int length;

    QueryLimits(int nesting, int length) {
        this.nesting = nesting;
        this.length = length;
    }

    int nesting() {
        return nesting;
    }

    int length() {
        return length;
    }

    /** Before a query is parsed: its length and how deep its brackets nest. */
    void checkQueryText(String text) {
        if (text.length() > length) {
            ServletOps.errorBadRequest("query too long: " + text.length() + " characters (limit " + length + "); "
                    + "split it into smaller queries, or put long lists of values in several requests");
        }
        checkBrackets(text, "query");
    }

    /** Before an update is parsed: how deep its brackets nest. */
    void checkUpdateText(String text) {
        checkBrackets(text, "update");
    }

    /** After a query is parsed, before it is evaluated: how deep its algebra and its EXISTS nest. */
    void checkQuery(Query query) {
        new Walk("query").op(Algebra.compile(query), 1, 0);
    }

    /** After an update is parsed, before it runs: the WHERE pattern of every operation. */
    void checkUpdate(UpdateRequest request) {
        for (Update update : request.getOperations()) {
            if (update instanceof UpdateModify modify) {
                Element where = modify.getWherePattern();
                if (where != null) new Walk("update").op(Algebra.compile(where), 1, 0);
            }
        }
    }

    private void checkBrackets(String text, String what) {
        int depth = 0;
        int line = 1;
        int column = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
            } else if (c == '#') {
                while (i + 1 < n && text.charAt(i + 1) != '\n') i++;
            } else if (c == '"' || c == '\'') {
                int end = endOfString(text, i);
                for (int k = i + 1; k < end; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                        column = 0;
                    } else {
                        column++;
                    }
                }
                i = end - 1;
            } else if (c == '<') {
                int end = endOfIri(text, i);
                column += end - i - 1;
                i = end - 1;
            } else if (c == '{' || c == '(' || c == '[') {
                if (++depth > nesting) {
                    ServletOps.errorBadRequest(what + " nested too deeply (limit " + nesting + "): brackets open more than "
                            + nesting + " deep at line " + line + ", column " + column + "; write it with fewer nested "
                            + "groups, sub-queries, parentheses or lists");
                }
            } else if ((c == '}' || c == ')' || c == ']') && depth > 0) {
                depth--;
            }
        }
    }

    /** The index after the string literal that starts at {@code start} (or the end of the text). */
    private static int endOfString(String text, int start) {
        char quote = text.charAt(start);
        boolean longString = text.startsWith(String.valueOf(quote).repeat(3), start);
        int i = start + (longString ? 3 : 1);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (longString ? text.startsWith(String.valueOf(quote).repeat(3), i) : c == quote) {
                return i + (longString ? 3 : 1);
            } else if (!longString && c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** After an IRI {@code <…>} at {@code start}, or just after the {@code <} when it is the less-than operator. */
    private static int endOfIri(String text, int start) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '>') return i + 1;
            if (c <= ' ' || "<\"{}|^`".indexOf(c) >= 0) return start + 1;
        }
        return start + 1;
    }

    /** A walk of the algebra that stops as soon as a limit is passed, so that it cannot overflow itself. */
    private final class Walk {
        private final String what;
        private final int operators = nesting * OPERATORS_PER_LEVEL;

        Walk(String what) {
            this.what = what;
        }

        void op(Op op, int depth, int exists) {
            check(depth);
            if (op instanceof Op1 one) op(one.getSubOp(), depth + 1, exists);
            if (op instanceof Op2 two) {
                op(two.getLeft(), depth + 1, exists);
                op(two.getRight(), depth + 1, exists);
            }
            if (op instanceof OpN many) for (Op element : many.getElements()) op(element, depth + 1, exists);
            if (op instanceof OpFilter filter) exprs(filter.getExprs(), depth + 1, exists);
            if (op instanceof OpLeftJoin leftJoin && leftJoin.getExprs() != null) exprs(leftJoin.getExprs(), depth + 1, exists);
            if (op instanceof OpExtend extend) vars(extend.getVarExprList(), depth + 1, exists);
            if (op instanceof OpAssign assign) vars(assign.getVarExprList(), depth + 1, exists);
            if (op instanceof OpGroup group) {
                vars(group.getGroupVars(), depth + 1, exists);
                for (ExprAggregator aggregator : group.getAggregators()) expr(aggregator, depth + 1, exists);
            }
            if (op instanceof OpOrder order) order.getConditions().forEach(c -> expr(c.getExpression(), depth + 1, exists));
        }

        private void vars(VarExprList vars, int depth, int exists) {
            vars.getExprs().values().forEach(e -> expr(e, depth, exists));
        }

        private void exprs(ExprList exprs, int depth, int exists) {
            for (Expr e : exprs) expr(e, depth, exists);
        }

        private void expr(Expr expr, int depth, int exists) {
            check(depth);
            if (expr instanceof ExprFunctionOp withPattern) {
                if (exists + 1 > EXISTS_NESTING) {
                    ServletOps.errorBadRequest(what + " nested too deeply (limit " + EXISTS_NESTING + " levels of EXISTS / "
                            + "NOT EXISTS): the optimiser's time doubles with every level; join the patterns instead, "
                            + "or use MINUS");
                }
                op(withPattern.getGraphPattern(), depth + 1, exists + 1);
            }
            if (expr instanceof ExprAggregator aggregator && aggregator.getAggregator().getExprList() != null) {
                exprs(aggregator.getAggregator().getExprList(), depth + 1, exists);
            }
            if (expr instanceof ExprFunction function) {
                for (Expr arg : function.getArgs()) expr(arg, depth + 1, exists);
            }
        }

        private void check(int depth) {
            if (depth > operators) {
                ServletOps.errorBadRequest(what + " nested too deeply (limit " + operators + " operators): a long chain of "
                        + "OPTIONAL, MINUS or UNION, or a long expression, nests each step inside the one before; "
                        + "split it into several requests or shorten the chain");
            }
        }
    }
}
