package io.phantomdb.kernel.sql.role;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The SCRAM-SHA-256 secret against PostgreSQL 15: each vector is a role created there with
 * {@code PASSWORD '...'} (password_encryption = scram-sha-256) and its {@code pg_authid.rolpassword};
 * computing the secret with PostgreSQL's salt must give the same StoredKey and ServerKey.
 */
class ScramSecretTest {

  private static String withSaltOf(String password, String postgresSecret) {
    String salt = postgresSecret.substring(postgresSecret.indexOf(':') + 1, postgresSecret.indexOf('$', 14));
    return ScramSecret.of(password, Base64.getDecoder().decode(salt), 4096);
  }

  @Test
  void asciiPasswordsMatchPostgres() {
    String x = "SCRAM-SHA-256$4096:naz0YnfryNdhXCZhebMvaA==$LfYR6fDktGgAAmb1HNBjWtP+cah8YSOo1BeBeXyxZgc="
        + ":tJtwLQmn0pPxWafKTxVDk+qXz+8w2/lgMo74dQxUMVY=";
    String pencil = "SCRAM-SHA-256$4096:UrwiMX2VorHBk+/8p2wyuw==$1uLCppv2ADKIzsGzh8F0EPHuSfCPz26Or7XEClrWH6k="
        + ":aAuo/UtmKGtZaDBeV+398wz+tyxvQ4pd0yNcQZV1nfA=";
    assertThat(withSaltOf("x", x)).isEqualTo(x);
    assertThat(withSaltOf("pencil", pencil)).isEqualTo(pencil);
  }

  @Test
  void nonAsciiPasswordsArePreparedAsPostgresDoes() {
    String umlauts = "SCRAM-SHA-256$4096:b8R9B4HAWtDCDD/AKHTzSw==$PaA5eiyPPIdfeKiHzPC/ejrmqcQO1E1f9tq8Z+xRESw="
        + ":OKDKyDkiqQfOWD1YlPk6upgWhpmeVPCB3DVvsv2GfGQ=";
    // a no-break space becomes a space and a soft hyphen disappears (SASLprep)
    String spaces = "SCRAM-SHA-256$4096:sfvgj7R9EyjYKOvCVczhrQ==$wQNRa4Ji3S0v6joJ5gZfGtyFOc76Wre0cyAEq/VGO2A="
        + ":/lsCT/OsnIdu9mTkp+Y168GYljfseMuxVjai41QBY8o=";
    assertThat(withSaltOf("pässwörd", umlauts)).isEqualTo(umlauts);
    assertThat(withSaltOf("a\u00A0b\u00ADc", spaces)).isEqualTo(spaces);
  }

  @Test
  void randomSaltEachTime() {
    String a = ScramSecret.of("same");
    String b = ScramSecret.of("same");
    assertThat(a).startsWith("SCRAM-SHA-256$4096:").isNotEqualTo(b);
    assertThat(ScramSecret.isSecret(a)).isTrue();
  }

  @Test
  void recognisesSecrets() {
    assertThat(ScramSecret.isSecret("md5" + "0123456789abcdef0123456789abcdef")).isTrue();
    assertThat(ScramSecret.isSecret("md5short")).isFalse();
    assertThat(ScramSecret.isSecret("secret")).isFalse();
  }
}
