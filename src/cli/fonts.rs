//! The fonts a PDF may use beyond its built-in DejaVu faces: the folder
//! `fonts:` in briefc.yaml names, then the fonts installed on the machine
//! (found with `fontdb`, as the system's font configuration lists them).
//!
//! Nothing is searched until a brief has a character DejaVu lacks: a Latin
//! brief never pays for the font scan. Every answer is remembered, and the
//! same question always gets the same answer (faces are tried in a fixed
//! order), so builds stay byte-identical.

use briefc::render::{FontFile, FontSource};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// Set to `0` to use only the built-in fonts and the `fonts:` folder: PDFs
/// then come out the same on every machine.
pub const SYSTEM_FONTS_ENV: &str = "BRIEFC_SYSTEM_FONTS";

/// The font source of a project: its `fonts:` folder, then the machine's.
#[derive(Debug)]
pub struct Fonts {
    folder: Option<PathBuf>,
    system: bool,
    db: OnceLock<Database>,
    found: Mutex<HashMap<(char, bool, String), Option<FontFile>>>,
    files: Mutex<HashMap<PathBuf, &'static [u8]>>,
}

/// The faces found, in the order they are tried when no family is
/// preferred.
struct Database {
    db: fontdb::Database,
    /// Faces from the `fonts:` folder, tried first.
    own: Vec<fontdb::ID>,
    /// Every other face, best candidates first.
    rest: Vec<fontdb::ID>,
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Database({} faces)", self.db.len())
    }
}

/// The font source for a project whose `fonts:` folder is `folder`, one
/// per folder for the whole run.
pub fn for_folder(folder: Option<&Path>) -> Arc<Fonts> {
    static SOURCES: Mutex<Vec<Arc<Fonts>>> = Mutex::new(Vec::new());
    let mut sources = SOURCES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(found) = sources.iter().find(|s| s.folder.as_deref() == folder) {
        return found.clone();
    }
    let fonts = Arc::new(Fonts {
        folder: folder.map(Path::to_path_buf),
        system: std::env::var(SYSTEM_FONTS_ENV).map_or(true, |v| v != "0"),
        db: OnceLock::new(),
        found: Mutex::new(HashMap::new()),
        files: Mutex::new(HashMap::new()),
    });
    sources.push(fonts.clone());
    fonts
}

impl Fonts {
    fn database(&self) -> &Database {
        self.db.get_or_init(|| {
            let mut db = fontdb::Database::new();
            if let Some(folder) = &self.folder {
                db.load_fonts_dir(folder);
            }
            let mut own: Vec<fontdb::ID> = db.faces().map(|f| f.id).collect();
            if self.system {
                db.load_system_fonts();
            }
            let key = |id: &fontdb::ID| {
                let face = db.face(*id);
                let family = face
                    .and_then(|f| f.families.first())
                    .map_or("", |f| f.0.as_str());
                (
                    !family.starts_with("Noto Sans") || family.contains("Mono"),
                    face.map_or(0, |f| f.weight.0.abs_diff(400)),
                    face.is_none_or(|f| f.style != fontdb::Style::Normal),
                    family.to_string(),
                    face.map(|f| (source_path(&f.source), f.index)),
                )
            };
            own.sort_by_cached_key(key);
            let mut rest: Vec<fontdb::ID> = db
                .faces()
                .map(|f| f.id)
                .filter(|id| !own.contains(id))
                .collect();
            rest.sort_by_cached_key(key);
            Database { db, own, rest }
        })
    }

    /// Whether face `id` has a glyph for `c`.
    fn has_glyph(&self, db: &fontdb::Database, id: fontdb::ID, c: char) -> bool {
        db.with_face_data(id, |data, index| {
            ttf_parser::Face::parse(data, index).is_ok_and(|f| f.glyph_index(c).is_some())
        })
        .unwrap_or(false)
    }

    /// The file of face `id`, read once for the whole run.
    fn file(&self, db: &fontdb::Database, id: fontdb::ID) -> Option<FontFile> {
        let face = db.face(id)?;
        let path = source_path(&face.source)?;
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        let data = match files.get(&path) {
            Some(data) => *data,
            None => {
                let data: &'static [u8] = Box::leak(std::fs::read(&path).ok()?.into_boxed_slice());
                files.insert(path.clone(), data);
                data
            }
        };
        let key: &'static str = Box::leak(format!("{}#{}", path.display(), face.index).into());
        Some(FontFile {
            key,
            data,
            index: face.index,
        })
    }

    fn search(&self, c: char, bold: bool, language: &str) -> Option<FontFile> {
        let database = self.database();
        let db = &database.db;
        let weight = if bold {
            fontdb::Weight::BOLD
        } else {
            fontdb::Weight::NORMAL
        };
        // The folder's fonts first: the user put them there for a reason.
        let own = database.own.iter().copied();
        // Then the families made for the character's script, in the weight wanted.
        let preferred = preferred_families(c, language)
            .into_iter()
            .filter_map(|family| {
                db.query(&fontdb::Query {
                    families: &[fontdb::Family::Name(&family)],
                    weight,
                    stretch: fontdb::Stretch::Normal,
                    style: fontdb::Style::Normal,
                })
            })
            .collect::<Vec<_>>();
        let mut candidates = own.chain(preferred).chain(database.rest.iter().copied());
        let id = candidates.find(|&id| self.has_glyph(db, id, c))?;
        self.file(db, id)
    }
}

impl FontSource for Fonts {
    fn find(&self, c: char, bold: bool, language: &str) -> Option<FontFile> {
        if !self.system && self.folder.is_none() {
            return None;
        }
        let key = (c, bold, language.to_string());
        if let Some(found) = self
            .found
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            return *found;
        }
        let found = self.search(c, bold, language);
        self.found
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, found);
        found
    }
}

fn source_path(source: &fontdb::Source) -> Option<PathBuf> {
    match source {
        fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => Some(path.clone()),
        fontdb::Source::Binary(_) => None,
    }
}

/// The families made for `c`'s script, best first: Noto's, named after the
/// script, and for Chinese characters the forms of the brief's language.
fn preferred_families(c: char, language: &str) -> Vec<String> {
    use unicode_script::{Script, UnicodeScript};
    let cjk = |first: &str| -> Vec<String> {
        let mut regions = vec![first, "JP", "SC", "TC", "KR", "HK"];
        regions.dedup();
        regions
            .iter()
            .flat_map(|r| [format!("Noto Sans CJK {r}"), format!("Noto Serif CJK {r}")])
            .chain(["Droid Sans Fallback".into(), "WenQuanYi Zen Hei".into()])
            .collect()
    };
    let lang = language.to_ascii_lowercase();
    let han_region = if lang.starts_with("ja") {
        "JP"
    } else if lang.starts_with("ko") {
        "KR"
    } else if lang.starts_with("zh") {
        if lang.contains("hk") {
            "HK"
        } else if lang.contains("tw") || lang.contains("hant") {
            "TC"
        } else {
            "SC"
        }
    } else {
        "JP"
    };
    match c.script() {
        Script::Han | Script::Hiragana | Script::Katakana | Script::Bopomofo => cjk(han_region),
        Script::Hangul => cjk("KR"),
        Script::Common | Script::Inherited | Script::Unknown => {
            if matches!(u32::from(c), 0x3000..=0x303F | 0xFF00..=0xFFEF) {
                cjk(han_region)
            } else {
                vec![
                    "Noto Sans".into(),
                    "Noto Sans Symbols".into(),
                    "Noto Sans Symbols 2".into(),
                    "Noto Sans Math".into(),
                    "Symbola".into(),
                ]
            }
        }
        Script::Arabic => vec![
            "Noto Sans Arabic".into(),
            "Noto Naskh Arabic".into(),
            "Noto Kufi Arabic".into(),
        ],
        script => {
            let name = script.full_name().replace('_', " ");
            vec![format!("Noto Sans {name}"), format!("Noto Serif {name}")]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_the_script_s_noto_family_and_the_language_s_han_forms() {
        assert_eq!(preferred_families('अ', "")[0], "Noto Sans Devanagari");
        assert_eq!(preferred_families('ع', "")[0], "Noto Sans Arabic");
        assert_eq!(preferred_families('ไ', "")[0], "Noto Sans Thai");
        assert_eq!(preferred_families('漢', "zh")[0], "Noto Sans CJK SC");
        assert_eq!(preferred_families('漢', "zh-TW")[0], "Noto Sans CJK TC");
        assert_eq!(preferred_families('漢', "ja")[0], "Noto Sans CJK JP");
        assert_eq!(preferred_families('한', "")[0], "Noto Sans CJK KR");
    }
}
