//! Open documents, their config, and their check results.

use super::text::{BOM, LineIndex, uri_to_path, without_bom};
use briefc::config::{CONFIG_FILE_NAME, Config, ConfigCache, ConfigError, Settings};
use briefc::model::Date;
use briefc::{Checked, check_str};
use lsp_types::Uri;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

/// One open document: a brief or a `briefc.yaml`.
pub struct Document {
    pub uri: Uri,
    /// The text without the byte order mark the editor may keep before it
    /// (as `briefc check` reads the file); `index` converts positions.
    pub text: Arc<str>,
    pub version: i32,
    pub index: LineIndex,
    /// The file, for `file:` URIs.
    pub path: Option<PathBuf>,
    analysis: Option<Rc<Analysis>>,
}

impl Document {
    /// Why the text is not checked, when it is over
    /// [`briefc::source::MAX_BRIEF_BYTES`] (as `briefc check` refuses it).
    pub fn too_large(&self) -> Option<String> {
        let bom = if self.index.has_bom() {
            BOM.len_utf8()
        } else {
            0
        };
        briefc::source::brief_too_large((self.text.len() + bom) as u64)
    }

    pub fn is_config(&self) -> bool {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .is_some_and(|n| n == CONFIG_FILE_NAME)
    }
}

/// Whether `uri` names a `briefc.yaml`.
pub fn is_config(uri: &Uri) -> bool {
    uri_to_path(uri)
        .as_deref()
        .and_then(Path::file_name)
        .is_some_and(|n| n == CONFIG_FILE_NAME)
}

/// A brief after checking, with the config it was checked against.
pub struct Analysis {
    pub checked: Checked,
    /// The config in force (the defaults when the real one is broken).
    pub config: Arc<Config>,
    /// The config that could not be used: then it is the one diagnostic.
    pub config_error: Option<ConfigError>,
    /// Why the brief was not checked (it is too large): then this is the
    /// one diagnostic.
    pub too_large: Option<String>,
}

impl Analysis {
    /// The settings in force: the brief's profile, else the base.
    pub fn settings(&self) -> &Settings {
        self.config.settings_for(&self.checked.brief)
    }

    /// The diagnostics to show.
    pub fn diagnostics(&self) -> &[briefc::diagnostic::Diagnostic] {
        &self.checked.diagnostics
    }
}

/// Every open document.
pub struct Workspace {
    docs: HashMap<Uri, Document>,
    /// `--config FILE`.
    forced_config: Option<PathBuf>,
    /// `--today DATE`.
    today: Option<Date>,
}

impl Workspace {
    pub fn new(forced_config: Option<PathBuf>, today: Option<Date>) -> Workspace {
        Workspace {
            docs: HashMap::new(),
            forced_config,
            today,
        }
    }

    /// Today's date: `--today`, else the clock's (UTC).
    pub fn today(&self) -> Date {
        self.today.unwrap_or_else(crate::cli::today)
    }

    pub fn open(&mut self, uri: Uri, version: i32, text: String) {
        let path = uri_to_path(&uri);
        let (text, index) = without_bom(text);
        self.docs.insert(
            uri.clone(),
            Document {
                uri,
                index,
                text,
                version,
                path,
                analysis: None,
            },
        );
    }

    pub fn change(&mut self, uri: &Uri, version: i32, text: String) {
        if let Some(doc) = self.docs.get_mut(uri) {
            (doc.text, doc.index) = without_bom(text);
            doc.version = version;
            doc.analysis = None;
        } else {
            // A change to a document never opened: take it as opened.
            self.open(uri.clone(), version, text);
        }
    }

    pub fn close(&mut self, uri: &Uri) -> Option<Document> {
        self.docs.remove(uri)
    }

    pub fn get(&self, uri: &Uri) -> Option<&Document> {
        self.docs.get(uri)
    }

    /// The open briefs (every open document but `briefc.yaml` files).
    pub fn briefs(&self) -> Vec<Uri> {
        self.docs
            .iter()
            .filter(|(_, d)| !d.is_config())
            .map(|(u, _)| u.clone())
            .collect()
    }

    /// Drops every check result (a config changed).
    pub fn forget_analyses(&mut self) {
        for doc in self.docs.values_mut() {
            doc.analysis = None;
        }
    }

    /// The check result of the brief at `uri`, computed when missing.
    pub fn analysis(&mut self, uri: &Uri) -> Option<Rc<Analysis>> {
        let doc = self.docs.get(uri)?;
        if doc.is_config() {
            return None;
        }
        if let Some(analysis) = &doc.analysis {
            return Some(analysis.clone());
        }
        let analysis = Rc::new(self.check(uri, doc));
        self.docs.get_mut(uri)?.analysis = Some(analysis.clone());
        Some(analysis)
    }

    fn check(&self, uri: &Uri, doc: &Document) -> Analysis {
        let path = doc
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from(uri.as_str()));
        let today = self.today();
        if let Some(why) = doc.too_large() {
            // Not read, as `briefc check` would not read it: an empty brief
            // stands in, and the refusal is the one diagnostic.
            let config = Arc::new(Config::default());
            let mut checked = check_str(path, "", &config, today);
            checked.diagnostics.clear();
            return Analysis {
                checked,
                config,
                config_error: None,
                too_large: Some(why),
            };
        }
        match self.config_for(doc.path.as_deref()) {
            Ok(config) => Analysis {
                checked: check_str(path, &doc.text, &config, today),
                config,
                config_error: None,
                too_large: None,
            },
            Err(err) => {
                let config = Arc::new(Config::default());
                let mut checked = check_str(path, &doc.text, &config, today);
                checked.diagnostics.clear();
                Analysis {
                    checked,
                    config,
                    config_error: Some(err),
                    too_large: None,
                }
            }
        }
    }

    /// The config for the brief at `path`: `--config`, else the nearest
    /// `briefc.yaml` upward, as `briefc check` finds it, except that a
    /// `briefc.yaml` open in the editor counts with its unsaved text.
    /// Looked up afresh each time, so edits made outside the editor count too.
    pub fn config_for(&self, path: Option<&Path>) -> Result<Arc<Config>, ConfigError> {
        if let Some(forced) = &self.forced_config {
            if let Some(text) = self.open_text(forced) {
                return Config::parse(forced, &text).map(Arc::new);
            }
            return Config::load(forced).map(Arc::new);
        }
        let Some(path) = path else {
            return Ok(Arc::new(Config::default()));
        };
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        for dir in absolute.ancestors().skip(1) {
            let candidate = dir.join(CONFIG_FILE_NAME);
            if let Some(text) = self.open_text(&candidate) {
                return Config::parse(&relative_to_cwd(&candidate), &text).map(Arc::new);
            }
            if candidate.is_file() || dir.join("briefc.yml").is_file() {
                break;
            }
        }
        ConfigCache::new().for_brief(path)
    }

    fn open_text(&self, path: &Path) -> Option<Arc<str>> {
        let absolute = std::path::absolute(path).ok()?;
        self.docs
            .values()
            .find(|d| d.path.as_deref() == Some(absolute.as_path()))
            .map(|d| d.text.clone())
    }
}

/// `path` relative to the working directory when inside it, as
/// `briefc check` names config files.
fn relative_to_cwd(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}
