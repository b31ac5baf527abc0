package io.github.koppel.cli;

import java.util.Map;

/** The command line's own labels, in nl, en and fr. */
final class Texts {
  private static final Map<String, Map<String, String>> TEXTS =
      Map.of(
          "title", Map.of(
              "nl", "Koppel — demostad Leiestad",
              "en", "Koppel — demo city Leiestad",
              "fr", "Koppel — ville de démonstration Leiestad"),
          "summary", Map.of(
              "nl", "%d organisaties, %d vacatures, %d kandidaat-vrijwilligers.",
              "en", "%d organisations, %d vacancies, %d candidate volunteers.",
              "fr", "%d organisations, %d offres, %d candidats bénévoles."),
          "shares", Map.of(
              "nl", "%s%% oefent Nederlands, %s%% heeft een uitkering, %s%% heeft ondersteuningsnoden.",
              "en", "%s%% practise Dutch, %s%% receive a benefit, %s%% have support needs.",
              "fr", "%s%% pratiquent le néerlandais, %s%% perçoivent une allocation, %s%% ont des besoins de soutien."),
          "languages", Map.of("nl", "Talen", "en", "Languages", "fr", "Langues"),
          "talents", Map.of("nl", "Talenten", "en", "Talents", "fr", "Talents"),
          "toLearn", Map.of("nl", "wil leren", "en", "wants to learn", "fr", "veut apprendre"),
          "vacancy", Map.of("nl", "Eerste vacature met een gedeeld talent", "en", "First vacancy with a shared talent", "fr", "Première offre avec un talent commun"),
          "noVacancy", Map.of("nl", "Geen vacature met een gedeeld talent.", "en", "No vacancy with a shared talent.", "fr", "Aucune offre avec un talent commun."),
          "next", Map.of(
              "nl", "Het matchen zelf (rangschikking, uitleg, bijna-matches) komt in versie 0.2.",
              "en", "Matching itself (ranking, explanations, near misses) arrives in version 0.2.",
              "fr", "Le matching lui-même (classement, explications, quasi-correspondances) arrive dans la version 0.2."));

  private Texts() {}

  static String get(String key, String lang) {
    Map<String, String> texts = TEXTS.get(key);
    if (texts == null) {
      throw new IllegalArgumentException("no text for key " + key);
    }
    return texts.getOrDefault(lang, texts.get("nl"));
  }
}
