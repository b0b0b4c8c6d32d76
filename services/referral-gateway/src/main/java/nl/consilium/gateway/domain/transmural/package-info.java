/**
 * The transmural agreement (Treant, January 2015; DOMAIN.md §2): from the referral questionnaire's
 * situation, who should have written the referral letter, whether it is a new referral, whether the
 * first specialist gets a copy, and whether the actual referrer matches. Pure functions and values,
 * no framework: {@link nl.consilium.gateway.domain.transmural.TransmuralAgreement#assess}.
 */
package nl.consilium.gateway.domain.transmural;
