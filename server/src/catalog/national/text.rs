//! Small text rules of the national catalog: blanks, steps, bullets, result names.

/// What the source writes where it has nothing to say.
const NO_INFORMATION: [&str; 3] = ["Không có thông tin", "Không", "Không quy định"];

pub fn is_blank(text: &str) -> bool {
    let text = text.trim().trim_end_matches('.');
    text.is_empty() || NO_INFORMATION.contains(&text)
}

/// Collapses runs of white space into one space and trims.
pub fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Bước 1: ...` paragraphs become one step each; without such markers, each line is a step.
pub fn steps(source: &str) -> Vec<String> {
    if is_blank(source) {
        return Vec::new();
    }
    let lines: Vec<&str> = source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let has_markers = lines.iter().any(|line| starts_step(line));
    let mut steps: Vec<String> = Vec::new();
    for line in lines {
        match steps.last_mut() {
            Some(last) if has_markers && !starts_step(line) => {
                last.push('\n');
                last.push_str(line);
            }
            _ => steps.push(line.to_string()),
        }
    }
    steps
}

fn starts_step(line: &str) -> bool {
    line.strip_prefix("Bước")
        .map(str::trim_start)
        .and_then(|rest| rest.chars().next())
        .is_some_and(|first| first.is_ascii_digit())
}

/// Conditions: one per line, without the `+`, `-` or `•` bullet.
pub fn bullets(source: &str) -> Vec<String> {
    if is_blank(source) {
        return Vec::new();
    }
    source
        .lines()
        .map(|line| clean(line.trim().trim_start_matches(['+', '-', '•', '*']).trim()))
        .filter(|line| !line.is_empty())
        .collect()
}

/// The result field carries the portal's page furniture after each result name
/// (`Mã: KQ...Từ khóa...Nộp hồ sơ`); keep the names only.
pub fn result_names(source: &str) -> String {
    let segments: Vec<&str> = source.split("Mã: KQ").collect();
    if segments.len() < 2 {
        return if is_blank(source) {
            String::new()
        } else {
            clean(source)
        };
    }
    let mut names = vec![clean(segments[0])];
    for segment in &segments[1..segments.len() - 1] {
        if let Some((_, name)) = segment.rsplit_once("Nộp hồ sơ") {
            names.push(clean(name));
        }
    }
    names.retain(|name| !name.is_empty());
    names.dedup();
    names.join("; ")
}

/// Reads a number written the Vietnamese way (`8.000`, `1.200.000`, `0,5`, `03`) at the start of
/// `text`; returns it and the rest.
pub fn leading_number(text: &str) -> Option<(f64, &str)> {
    let end = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(text.len(), |(index, _)| index);
    let digits = text[..end].trim_end_matches(['.', ',']);
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let thousands = digits.split('.').skip(1).all(|group| group.len() == 3);
    let normalized = if digits.contains('.') && thousands {
        digits.replace('.', "").replace(',', ".")
    } else {
        digits.replace(',', ".")
    };
    let number = normalized.parse().ok()?;
    Some((number, &text[digits.len()..]))
}
