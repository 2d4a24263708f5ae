//! The island of a sequence (components::sequence): it renders nothing, and drives the steps the
//! build wrote (hooks::use_sequence).

use yew::prelude::*;

use crate::content::model::Slug;
use crate::hooks::use_sequence;

/// Which sequence.
#[derive(Properties, PartialEq)]
pub struct SequenceStepsProps {
    /// The sequence's element id.
    pub id: Slug,
}

/// Drives the sequence `id`.
#[component]
pub fn SequenceSteps(props: &SequenceStepsProps) -> Html {
    use_sequence(props.id.clone());
    html! {}
}
