//! Finding the `briefc.yaml` that applies to a brief: the nearest one in the
//! brief's folder or above it. Results are cached per folder.

use super::{Config, ConfigError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The config file's name.
pub const CONFIG_FILE_NAME: &str = "briefc.yaml";

/// Resolves the config for each brief, reading each file once.
#[derive(Debug, Default)]
pub struct ConfigCache {
    /// A `--config` file that overrides the lookup.
    forced: Option<Arc<Config>>,
    by_dir: HashMap<PathBuf, Arc<Config>>,
    by_file: HashMap<PathBuf, Arc<Config>>,
    /// Folders as they appear in the brief paths given.
    by_given_dir: HashMap<PathBuf, Arc<Config>>,
}

impl ConfigCache {
    /// A cache that looks configs up from each brief's folder.
    pub fn new() -> Self {
        ConfigCache::default()
    }

    /// A cache that uses `config` for every brief (`--config FILE`).
    pub fn forced(config: Config) -> Self {
        ConfigCache {
            forced: Some(Arc::new(config)),
            ..ConfigCache::default()
        }
    }

    /// The config for the brief at `brief_path`.
    pub fn for_brief(&mut self, brief_path: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(config) = &self.forced {
            return Ok(config.clone());
        }
        // Briefs of one folder share its answer: look the folder up as given
        // first, and make it absolute (a syscall) only once per folder.
        let given = brief_path.parent().unwrap_or(Path::new(""));
        if let Some(config) = self.by_given_dir.get(given) {
            return Ok(config.clone());
        }
        let absolute = std::path::absolute(brief_path).unwrap_or_else(|_| brief_path.to_path_buf());
        let dir = absolute.parent().map(Path::to_path_buf).unwrap_or_default();
        let config = self.for_dir(&dir)?;
        self.by_given_dir
            .insert(given.to_path_buf(), config.clone());
        Ok(config)
    }

    fn for_dir(&mut self, dir: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(config) = self.by_dir.get(dir) {
            return Ok(config.clone());
        }
        let candidate = dir.join(super::CONFIG_FILE_NAME);
        let config = if candidate.is_file() {
            match self.by_file.get(&candidate) {
                Some(config) => config.clone(),
                None => {
                    let config = Arc::new(Config::load(&relative_to_cwd(&candidate))?);
                    self.by_file.insert(candidate, config.clone());
                    config
                }
            }
        } else if dir.join("briefc.yml").is_file() {
            // A near miss would otherwise be ignored without a word.
            let path = relative_to_cwd(&dir.join("briefc.yml"));
            let candidate = relative_to_cwd(&candidate);
            return Err(ConfigError {
                path: path.clone(),
                text: None,
                line: 0,
                column: 0,
                offset: 0,
                message: "this file is not read: briefc reads `briefc.yaml`".into(),
                help: Some(format!(
                    "rename it: `mv {} {}`",
                    path.display(),
                    candidate.display()
                )),
            });
        } else if let Some(parent) = dir.parent() {
            self.for_dir(parent)?
        } else {
            Arc::new(Config::default())
        };
        self.by_dir.insert(dir.to_path_buf(), config.clone());
        Ok(config)
    }
}

/// `path` relative to the working directory when it is inside it, as users
/// read paths in reports.
fn relative_to_cwd(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}
