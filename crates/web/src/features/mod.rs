//! One module per part of the site: HTML handlers and, where the part has one, its API.

pub mod admin;
pub mod api;
pub mod catalyseurs;
pub mod competences;
pub mod compte;
pub mod contributions;
pub mod donnees;
pub mod donnees_ouvertes;
pub mod exemples;
pub mod home;
pub mod methodes;
pub mod moderation;
pub mod odd;
pub mod ops;
pub mod outils;
pub mod pages;
pub mod reperes;
pub mod territoires;
