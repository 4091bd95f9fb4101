//! Mail to members (address verification, password reset): through the operator's SMTP
//! server, or, by default, written as `.eml` files to a folder of the data directory (the log
//! says where at start-up). Built with lettre either way.

use std::path::{Path, PathBuf};

use lettre::message::Body;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// Where mail goes.
#[derive(Clone)]
pub enum Mailer {
    /// Each message written to `DIR/<time>-<random>.eml` (readable by the operator only).
    Folder(PathBuf),
    /// The operator's SMTP server (`smtp://`, `smtps://`, with credentials in the URL).
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mailer::Folder(dir) => write!(f, "Folder({})", dir.display()),
            Mailer::Smtp(_) => f.write_str("Smtp"),
        }
    }
}

/// Whether a sender reads as a mailbox (`Nom <adresse>` or an address).
#[must_use]
pub fn valid_sender(from: &str) -> bool {
    from.parse::<lettre::message::Mailbox>().is_ok()
}

/// One message: plain text, in the reader's language.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

impl Mailer {
    /// An SMTP transport from its URL, or what is wrong with it (French).
    pub fn smtp(url: &str) -> Result<Mailer, String> {
        AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map(|b| Mailer::Smtp(b.build()))
            .map_err(|e| format!("adresse SMTP invalide : {e}"))
    }

    /// Sends a message from `from` (`Nom <adresse>`).
    pub async fn send(&self, from: &str, mail: &Mail) -> Result<(), String> {
        // 8-bit UTF-8 text with CRLF line ends (RFC 6152) keeps links whole and readable in the
        // files and in every mail client; lettre would choose base64. A line too long for
        // 8-bit (998 bytes at most) lets lettre choose.
        let text = mail.body.replace("\r\n", "\n").replace('\n', "\r\n");
        let body = if text.split("\r\n").all(|line| line.len() <= 998) && !text.contains('\0') {
            Body::dangerous_pre_encoded(text.into_bytes(), ContentTransferEncoding::EightBit)
        } else {
            Body::new(mail.body.clone())
        };
        let message = Message::builder()
            .from(
                from.parse()
                    .map_err(|e| format!("expéditeur « {from} » : {e}"))?,
            )
            .to(mail.to.parse().map_err(|e| format!("destinataire : {e}"))?)
            .subject(mail.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| format!("message : {e}"))?;
        match self {
            Mailer::Smtp(transport) => transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| format!("envoi SMTP : {e}")),
            Mailer::Folder(dir) => write_to(dir, &message.formatted())
                .await
                .map_err(|e| format!("écriture dans {} : {e}", dir.display())),
        }
    }
}

/// Writes a message whole (a temporary name, then renamed), in a folder only its owner reads.
async fn write_to(dir: &Path, bytes: &[u8]) -> std::io::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        tokio::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).await?;
    }
    let mut random = [0u8; 6];
    getrandom::fill(&mut random).map_err(std::io::Error::other)?;
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let name: String = random.iter().map(|b| format!("{b:02x}")).collect();
    let name = format!("{millis:015}-{name}");
    let partial = dir.join(format!("{name}.partiel"));
    tokio::fs::write(&partial, bytes).await?;
    tokio::fs::rename(&partial, dir.join(format!("{name}.eml"))).await
}

/// The messages of a folder, oldest first, as text (tests and the operator's tools).
#[must_use]
pub fn read_folder(dir: &Path) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}
