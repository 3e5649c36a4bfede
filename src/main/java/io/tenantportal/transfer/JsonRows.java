package io.tenantportal.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import io.tenantportal.problem.ProblemException;
import io.tenantportal.tenant.CustomerInput;

/**
 * A JSON import body, {@code [{customer}, ...]}, read one element at a time with Jackson's streaming
 * parser, so the heap holds one customer of it at a time. Elements are numbered from 1 (array index
 * plus one). An element with more tokens than any customer can have ends the read with 400 before it
 * is held in memory; an element of the wrong shape is an invalid row.
 */
final class JsonRows {

    /** 200 domains, 50 aliases, 20 references and the other members take well under this. */
    static final int MAX_TOKENS_PER_ROW = 2_000;
    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(CsvTable.MAX_CELL_CHARS).maxNestingDepth(16).build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Receives each element with its number. */
    interface Handler {
        void row(int row, Element element);
    }

    /** One element, bounded in size, turned into a customer on demand. */
    record Element(int row, JsonNode node) {

        /** A text member of the element, or null. */
        String text(String member) {
            JsonNode value = node.isObject() ? node.get(member) : null;
            return value != null && value.isTextual() ? value.asText() : null;
        }

        /**
         * The element as a value of the type.
         *
         * @throws ProblemException 400 naming the member when the element does not have the type's shape
         */
        <T> T as(Class<T> type, String shape) {
            if (!node.isObject()) {
                throw ProblemException.badRequest("must be " + shape);
            }
            try {
                return MAPPER.treeToValue(node, type);
            } catch (MismatchedInputException e) {
                String field = e.getPath().stream()
                        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining()).replaceFirst("^\\.", "");
                throw ProblemException.invalidField(field.isEmpty() ? "row" : field, "has the wrong type");
            } catch (IOException e) {
                throw ProblemException.badRequest("must be " + shape);
            }
        }

        CustomerInput customer() {
            return as(CustomerInput.class, "a customer object, {\"tenantId\": ..., \"displayName\": ...}");
        }
    }

    private JsonRows() {
    }

    /** A body that is an array of elements. */
    static void read(InputStream body, Handler handler) throws IOException {
        try (JsonParser parser = MAPPER.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw Upload.invalid("A JSON import is an array of customers: [{\"tenantId\": ..., \"displayName\": ...}, ...].");
            }
            elements(parser, handler);
            end(parser);
        }
    }

    /** A body that is an object whose member {@code member} is an array of elements; other members are skipped. */
    static void readMember(InputStream body, String member, Handler handler) throws IOException {
        try (JsonParser parser = MAPPER.createParser(body)) {
            boolean found = false;
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    boolean wanted = member.equals(parser.currentName());
                    if (parser.nextToken() == JsonToken.START_ARRAY && wanted) {
                        elements(parser, handler);
                        found = true;
                    } else {
                        parser.skipChildren();
                    }
                }
            }
            if (!found) {
                throw Upload.invalid("The body must be a JSON object with the array \"" + member + "\".");
            }
            end(parser);
        }
    }

    private static void elements(JsonParser parser, Handler handler) throws IOException {
        int row = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            row++;
            handler.row(row, new Element(row, bounded(parser, row)));
        }
    }

    private static void end(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw Upload.invalid("The body goes on after its JSON value.");
        }
    }

    /** The element the parser is at, as a tree, refused once it holds more tokens than a customer can. */
    private static JsonNode bounded(JsonParser parser, int row) throws IOException {
        try (TokenBuffer element = new TokenBuffer(parser)) {
            int depth = 0;
            int tokens = 0;
            JsonToken token = parser.currentToken();
            while (true) {
                if (++tokens > MAX_TOKENS_PER_ROW) {
                    throw Upload.invalid("Element " + row + " holds more values than any customer can.");
                }
                element.copyCurrentEvent(parser);
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
                if (depth == 0) {
                    break;
                }
                token = parser.nextToken();
                if (token == null) {
                    throw Upload.invalid("The JSON array of customers is cut off in element " + row + ".");
                }
            }
            try (JsonParser copy = element.asParser()) {
                copy.nextToken();
                return MAPPER.readTree(copy);
            }
        } catch (JsonMappingException e) {
            throw Upload.invalid("Element " + row + " is not valid JSON.");
        }
    }
}
