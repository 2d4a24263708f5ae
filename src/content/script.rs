//! Which writing system a character belongs to, where the story's rules tell Chinese from Latin:
//! the loader refuses a typed space between them, the build spaces them (crate::typeset), and a
//! line broken for a canvas keeps a figure with its unit (crate::wrap).

/// Whether `c` is a Han character (the CJK ideographs, their extensions and compatibility forms).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Whether `c` is a Latin letter or a digit, which clreq spaces from Han characters.
pub fn is_latin(c: char) -> bool {
    c.is_ascii_alphanumeric() || (c.is_alphabetic() && ('\u{C0}'..='\u{24F}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_and_latin_are_told_apart() {
        assert!(is_han('抚') && is_han('\u{20BB7}') && !is_han('，') && !is_han('ー') && !is_han('a'));
        assert!(is_latin('é') && is_latin('7') && is_latin('Z') && !is_latin('%') && !is_latin('α') && !is_latin('抚'));
    }
}
