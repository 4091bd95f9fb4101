//! The instance's signing key for Open Badges 3.0 credentials: RSA 2048, RS256 (the algorithm
//! every Open Badges 3.0 verifier must accept). Generated at first start and kept in the data
//! directory (`cles/open-badges-rs256.pem`, PKCS#8, readable by its owner only); its public
//! half is published as a JWK (`/.well-known/jwks.json`) and carried in each token's header.
//! Signing uses blinding (randomised RSA), so its timing does not depend on the key.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use rsa::pkcs1v15::SigningKey;
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use rsa::signature::{RandomizedSigner, SignatureEncoding};
use rsa::traits::PublicKeyParts;
use rsa::{RsaPrivateKey, rand_core::OsRng};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const BITS: usize = 2048;
const FILE: &str = "cles/open-badges-rs256.pem";

/// An RSA key that signs credentials, with its public JWK and key id.
pub struct IssuerKey {
    signing: SigningKey<Sha256>,
    /// `kty`, `n`, `e`: the public key as JSON Web Key members.
    public: Value,
    kid: String,
}

impl std::fmt::Debug for IssuerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuerKey").field("kid", &self.kid).finish()
    }
}

impl IssuerKey {
    fn from_private(key: RsaPrivateKey) -> IssuerKey {
        let n = B64.encode(key.n().to_bytes_be());
        let e = B64.encode(key.e().to_bytes_be());
        // RFC 7638 thumbprint: the required members in lexicographic order, no spaces.
        let canonical = format!(r#"{{"e":"{e}","kty":"RSA","n":"{n}"}}"#);
        let kid = B64.encode(Sha256::digest(canonical.as_bytes()));
        IssuerKey {
            signing: SigningKey::<Sha256>::new(key),
            public: json!({ "kty": "RSA", "n": n, "e": e }),
            kid,
        }
    }

    /// A new random key.
    ///
    /// # Panics
    /// When the system's random source fails.
    #[must_use]
    pub fn generate() -> IssuerKey {
        let key = RsaPrivateKey::new(&mut OsRng, BITS).expect("RSA key generation");
        IssuerKey::from_private(key)
    }

    /// A key read from PKCS#8 PEM text.
    pub fn from_pem(pem: &str) -> Result<IssuerKey, String> {
        RsaPrivateKey::from_pkcs8_pem(pem)
            .map(IssuerKey::from_private)
            .map_err(|e| format!("clé RSA illisible ({e})"))
    }

    /// Where the key of a data directory lives.
    #[must_use]
    pub fn path_in(data_dir: &Path) -> PathBuf {
        data_dir.join(FILE)
    }

    /// The key kept in `data_dir`, created (readable by its owner only) at first start.
    pub fn load_or_create(data_dir: &Path) -> Result<IssuerKey, String> {
        let path = IssuerKey::path_in(data_dir);
        match std::fs::read_to_string(&path) {
            Ok(pem) => IssuerKey::from_pem(&pem).map_err(|e| format!("{} : {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key = RsaPrivateKey::new(&mut OsRng, BITS)
                    .map_err(|e| format!("génération de la clé RSA impossible ({e})"))?;
                let pem = key
                    .to_pkcs8_pem(LineEnding::LF)
                    .map_err(|e| format!("encodage de la clé RSA impossible ({e})"))?;
                write_private(&path, pem.as_bytes())
                    .map_err(|e| format!("{} : écriture impossible ({e})", path.display()))?;
                tracing::info!(chemin = %path.display(), "clé de signature des certificats créée");
                Ok(IssuerKey::from_private(key))
            }
            Err(e) => Err(format!("{} : lecture impossible ({e})", path.display())),
        }
    }

    /// The key id (RFC 7638 thumbprint).
    #[must_use]
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The public key as a JWK with its use, algorithm and id.
    #[must_use]
    pub fn jwk(&self) -> Value {
        let mut jwk = self.public.clone();
        jwk["alg"] = json!("RS256");
        jwk["use"] = json!("sig");
        jwk["kid"] = json!(self.kid);
        jwk
    }

    /// A compact JWS (RS256) of `payload`, the public key in its header (`jwk`, `kid`).
    #[must_use]
    pub fn sign_jwt(&self, payload: &Value) -> String {
        let header = json!({
            "alg": "RS256",
            "typ": "JWT",
            "kid": self.kid,
            "jwk": self.public,
        });
        let input = format!(
            "{}.{}",
            B64.encode(header.to_string()),
            B64.encode(payload.to_string())
        );
        let signature = self.signing.sign_with_rng(&mut OsRng, input.as_bytes());
        format!("{input}.{}", B64.encode(signature.to_bytes()))
    }
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let tmp = path.with_extension("pem.tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(&tmp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    std::fs::rename(&tmp, path)
}

/// The key a server signs with: the one of its data directory, or — with no data directory
/// (tests, a throwaway instance) — one generated once per process on first use.
#[derive(Debug, Clone, Default)]
pub enum BadgeKey {
    #[default]
    Ephemeral,
    Loaded(Arc<IssuerKey>),
}

impl BadgeKey {
    #[must_use]
    pub fn get(&self) -> &IssuerKey {
        match self {
            BadgeKey::Loaded(k) => k,
            BadgeKey::Ephemeral => {
                static KEY: OnceLock<IssuerKey> = OnceLock::new();
                KEY.get_or_init(IssuerKey::generate)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_created_once_and_read_back() {
        let dir = std::env::temp_dir().join(format!("alliances-badges-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let first = IssuerKey::load_or_create(&dir).unwrap();
        let second = IssuerKey::load_or_create(&dir).unwrap();
        assert_eq!(first.kid(), second.kid());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(IssuerKey::path_in(&dir))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let token = first.sign_jwt(&json!({ "a": 1 }));
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3);
        let header: Value = serde_json::from_slice(&B64.decode(parts[0]).unwrap()).unwrap();
        assert_eq!(header["alg"], "RS256");
        assert_eq!(header["jwk"]["kty"], "RSA");
        assert_eq!(header["kid"], first.kid());
        std::fs::write(IssuerKey::path_in(&dir), "pas une clé").unwrap();
        let err = IssuerKey::load_or_create(&dir).unwrap_err();
        assert!(err.contains("clé RSA illisible"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
