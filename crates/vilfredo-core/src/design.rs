//! Reference directions and space-filling designs.
//!
//! Filled in by the reference-directions work (Das–Dennis, multi-layer, Riesz s-energy).
