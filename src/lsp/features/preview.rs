//! `briefc/preview`: the HTML `briefc build` would write, from the unsaved
//! text, with the config's brand, logo and templates.

use crate::lsp::Failure;
use crate::lsp::document::Analysis;
use briefc::render::RenderOptions;
use briefc::render::html::Templates;
use lsp_server::ErrorCode;

pub fn html(analysis: &Analysis) -> Result<String, Failure> {
    let config = &analysis.config;
    let failed = |err: crate::cli::CliError| (ErrorCode::RequestFailed, err.to_string());
    // As in `briefc build`: what briefc.yaml names stays inside its folder.
    let root = crate::cli::build::project_root(config);
    // A logo that cannot be read is left out of the preview, not fatal.
    let logo = match &config.brand.logo {
        Some(path) => match crate::cli::build::read_logo(path, root.as_deref()) {
            Ok(logo) => Some(logo),
            Err(err) => {
                eprintln!("briefc lsp: preview without the logo: {err}");
                None
            }
        },
        None => None,
    };
    let now = crate::cli::now_seconds();
    let options = RenderOptions {
        brand: config.brand.clone(),
        logo,
        page: config.page,
        timestamp: now - now.rem_euclid(86_400),
        speaking_rate_wpm: config
            .settings_for(&analysis.checked.brief)
            .speaking_rate_wpm,
        // The preview is HTML, which the browser's fonts draw.
        fonts: None,
        labels: config.labels.clone(),
    };
    let overrides;
    let templates = match &config.templates {
        Some(dir) => {
            // A script in an override is blocked in the page; the build says so.
            (overrides, _) =
                crate::cli::build::load_templates(dir, root.as_deref()).map_err(failed)?;
            &overrides
        }
        None => Templates::builtin(),
    };
    templates
        .render(&analysis.checked.brief, &options)
        .map_err(|e| (ErrorCode::RequestFailed, e.message))
}
