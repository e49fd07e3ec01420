package io.railcast.server.network;

import io.railcast.server.system.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body holding one item or a JSON array of them (a bulk import), turned into domain records. Either all
 * items are valid, or none is taken and the problem lists every field at fault with its item's index.
 *
 * @param array whether the body was an array (the answer then summarises rather than echoes)
 * @param items the domain records, in request order
 */
record JsonItems<T>(boolean array, List<T> items) {

    /** What kind of item a body holds and how a payload becomes one. */
    record Kind<P, T>(
            Function<List<FieldProblem>, NetworkRefusal> refusal,
            String noun,
            Class<P> payloadType,
            BiFunction<P, FieldErrors, T> toDomain) {}

    static <P, T> JsonItems<T> read(JsonNode body, JsonMapper mapper, Kind<P, T> kind) {
        if (body.isObject()) {
            List<FieldProblem> problems = new ArrayList<>();
            T item = readOne(body, mapper, kind, problems);
            if (!problems.isEmpty()) {
                throw kind.refusal().apply(problems);
            }
            return new JsonItems<>(false, List.of(item));
        }
        if (!body.isArray()) {
            throw kind.refusal()
                    .apply(List.of(
                            new FieldProblem(null, null, "expected a " + kind.noun() + " object or an array of them")));
        }
        List<T> items = new ArrayList<>(body.size());
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            List<FieldProblem> itemProblems = new ArrayList<>();
            T item = readOne(body.get(i), mapper, kind, itemProblems);
            for (FieldProblem problem : itemProblems) {
                problems.add(problem.at(i));
            }
            items.add(item);
        }
        if (!problems.isEmpty()) {
            throw kind.refusal().apply(problems);
        }
        return new JsonItems<>(true, List.copyOf(items));
    }

    private static <P, T> T readOne(JsonNode node, JsonMapper mapper, Kind<P, T> kind, List<FieldProblem> problems) {
        if (!node.isObject()) {
            problems.add(new FieldProblem(null, null, "expected a " + kind.noun() + " object"));
            return null;
        }
        P payload;
        try {
            payload = mapper.treeToValue(node, kind.payloadType());
        } catch (JacksonException e) {
            problems.add(FieldProblem.of(e));
            return null;
        }
        FieldErrors errors = new FieldErrors();
        T item = kind.toDomain().apply(payload, errors);
        problems.addAll(errors.problems());
        return item;
    }
}
