package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.WorkMode;
import io.github.koppel.core.testdata.Testdata;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link KoppelJson#toJsonDocument}: a result with its schemaVersion first (#15). */
final class JsonDocumentTest {
  private final KoppelJson json = KoppelJson.create();

  @Test
  void aRecordGetsItsSchemaVersionFirstAndKeepsItsFields() {
    Location place = Location.of(51.05, 3.72);
    String document = json.toJsonDocument(place);
    assertTrue(document.startsWith("{\n  \"schemaVersion\" : 1,\n"), document);
    String plain = json.toJson(place);
    // The same fields, in the same order, after the version.
    assertEquals(plain.replaceFirst("^\\{\n", "{\n  \"schemaVersion\" : 1,\n"), document);
  }

  @Test
  void aDocumentStaysAsItIs() {
    Dataset city = Dataset.of(List.of(Testdata.organisation("o")), List.of(), List.of());
    assertEquals(json.toJson(city), json.toJsonDocument(city));
  }

  @Test
  void otherValuesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> json.toJsonDocument("text"));
    assertEquals("value must be a Koppel type, not java.lang.String", e.getMessage());
    IllegalArgumentException notAnObject =
        assertThrows(IllegalArgumentException.class, () -> json.toJsonDocument(WorkMode.REMOTE));
    assertTrue(notAnObject.getMessage().startsWith("value must be written as a JSON object"), notAnObject.getMessage());
    assertThrows(NullPointerException.class, () -> json.toJsonDocument(null));
  }
}
