"""The column layout of GLEIF's golden-copy CSV files (LEI-CDF 3.1, RR-CDF 2.1, reporting exceptions),
as far as the columns are documented; writers here use it so generated files look like GLEIF's."""

from __future__ import annotations

_ADDRESS = (
    "xmllang",
    "FirstAddressLine",
    "AddressNumber",
    "AddressNumberWithinBuilding",
    "MailRouting",
    "AdditionalAddressLine.1",
    "AdditionalAddressLine.2",
    "AdditionalAddressLine.3",
    "City",
    "Region",
    "Country",
    "PostalCode",
)

LEI_HEADER = (
    "LEI",
    "Entity.LegalName",
    "Entity.LegalName.xmllang",
    *(
        f"Entity.OtherEntityNames.OtherEntityName.{i}{s}"
        for i in range(1, 6)
        for s in ("", ".xmllang", ".type")
    ),
    *(
        f"Entity.TransliteratedOtherEntityNames.TransliteratedOtherEntityName.{i}{s}"
        for i in range(1, 6)
        for s in ("", ".xmllang", ".type")
    ),
    *(f"Entity.LegalAddress.{p}" for p in _ADDRESS),
    *(f"Entity.HeadquartersAddress.{p}" for p in _ADDRESS),
    "Entity.RegistrationAuthority.RegistrationAuthorityID",
    "Entity.RegistrationAuthority.OtherRegistrationAuthorityID",
    "Entity.RegistrationAuthority.RegistrationAuthorityEntityID",
    "Entity.LegalJurisdiction",
    "Entity.EntityCategory",
    "Entity.EntitySubCategory",
    "Entity.LegalForm.EntityLegalFormCode",
    "Entity.LegalForm.OtherLegalForm",
    "Entity.EntityStatus",
    "Entity.EntityCreationDate",
    "Entity.SuccessorEntity.1.SuccessorLEI",
    "Entity.SuccessorEntity.1.SuccessorEntityName",
    "Registration.InitialRegistrationDate",
    "Registration.LastUpdateDate",
    "Registration.RegistrationStatus",
    "Registration.NextRenewalDate",
    "Registration.ManagingLOU",
    "Registration.ValidationSources",
    "Registration.ValidationAuthority.ValidationAuthorityID",
    "Registration.ValidationAuthority.OtherValidationAuthorityID",
    "Registration.ValidationAuthority.ValidationAuthorityEntityID",
    "ConformityFlag",
)

RR_HEADER = (
    "Relationship.StartNode.NodeID",
    "Relationship.StartNode.NodeIDType",
    "Relationship.EndNode.NodeID",
    "Relationship.EndNode.NodeIDType",
    "Relationship.RelationshipType",
    "Relationship.RelationshipStatus",
    *(f"Relationship.Period.{i}.{p}" for i in range(1, 6) for p in ("startDate", "endDate", "periodType")),
    *(
        f"Relationship.Qualifiers.{i}.{p}"
        for i in range(1, 6)
        for p in ("QualifierDimension", "QualifierCategory")
    ),
    *(
        f"Relationship.Quantifiers.{i}.{p}"
        for i in range(1, 6)
        for p in ("MeasurementMethod", "QuantifierAmount", "QuantifierUnits")
    ),
    "Registration.InitialRegistrationDate",
    "Registration.LastUpdateDate",
    "Registration.RegistrationStatus",
    "Registration.NextRenewalDate",
    "Registration.ManagingLOU",
    "Registration.ValidationSources",
    "Registration.ValidationDocuments",
    "Registration.ValidationReference",
)

REPEX_HEADER = (
    "LEI",
    "Exception.Category",
    *(f"Exception.{k}.{i}" for k in ("Reason", "Reference") for i in range(1, 6)),
)


def check_digits(base: str) -> str:
    """The two ISO 7064 MOD 97-10 check digits that complete an 18-character LEI base."""
    digits = "".join(str(int(c, 36)) for c in base + "00")
    return f"{98 - int(digits) % 97:02d}"


def make_lei(n: int, prefix: str = "5493") -> str:
    """A well-formed LEI for the n-th generated entity."""
    base = f"{prefix}{n:014d}"
    return base + check_digits(base)
